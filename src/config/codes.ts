// Diagnostic codes of configuration and usage (SP9xxx).
import { defineCodes } from '../diagnostics/registry.js';

export const CONFIG_CODES = defineCodes({
  invalidConfig: {
    code: 'SP9001',
    severity: 'error',
    title: 'Invalid svcpkg.config.yaml',
    description: 'The configuration file does not match its schema (schemas/config.schema.json). Commands stop with exit code 2.',
    example: 'packages: packages.d\nemit: [json, pdf]\n',
    fix: 'Correct the entry named in the message; the schema lists every option.',
  },
  missingConfigFile: {
    code: 'SP9002',
    severity: 'error',
    title: 'Configuration file not found',
    description:
      'The configuration file named with `--config` does not exist. Commands stop with exit code 2. (A missing packages folder is SP1015, a missing catalog file SP5001.)',
    example: 'svcpkg validate --config svcpkg.conf.yaml',
    fix: 'Correct the path, or leave `--config` out to use svcpkg.config.yaml at the project root.',
  },
});
