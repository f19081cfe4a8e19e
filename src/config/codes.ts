// Diagnostic codes of configuration and usage (SP9xxx).
import { defineCodes } from '../diagnostics/registry.js';

export const CONFIG_CODES = defineCodes({
  invalidConfig: {
    code: 'SP9001',
    severity: 'error',
    fatal: true,
    title: 'Invalid svcpkg.config.yaml',
    description: 'The configuration file does not match its schema (schemas/config.schema.json). Commands stop with exit code 2.',
    example: 'packages: packages.d\nemit: [json, pdf]\n',
    fix: 'Correct the entry named in the message; the schema lists every option.',
  },
  missingConfigFile: {
    code: 'SP9002',
    severity: 'error',
    fatal: true,
    title: 'Configuration file not found',
    description:
      'The configuration file named with `--config` does not exist. Commands stop with exit code 2. (A missing packages folder is SP1015, a missing catalog file SP5001.)',
    example: 'svcpkg validate --config svcpkg.conf.yaml',
    fix: 'Correct the path, or leave `--config` out to use svcpkg.config.yaml at the project root.',
  },
  unknownSeverityCode: {
    code: 'SP9003',
    severity: 'error',
    fatal: true,
    title: 'Severity override for an unknown code',
    description: '`severity:` in svcpkg.config.yaml names a package-rule code (SP3xxx, SP4xxx) that svcpkg does not have, most likely a typo. Commands stop with exit code 2.',
    example: 'severity:\n  SP4060: off\n',
    fix: 'Correct the code (the hint suggests the closest one that can be overridden); docs/diagnostics.md lists every code.',
  },
  fixedSeverity: {
    code: 'SP9004',
    severity: 'error',
    fatal: true,
    title: 'Severity that cannot be overridden',
    description:
      'Only the package rules (SP3xxx, SP4xxx) and the YAML style warnings (SP1011, SP1012, SP1013, SP1016) can be set to off, info, warning or error. Codes that mean the input could not be read, parsed, typed or trusted, the catalog, lockfile, simulation, workflow and configuration codes, and codes svcpkg does not have outside those ranges, keep their severity. Commands stop with exit code 2.',
    example: 'severity:\n  SP1001: off\n',
    fix: 'Remove the entry and fix the problem the code reports.',
  },
});
