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
  missingFolder: {
    code: 'SP9002',
    severity: 'error',
    title: 'Folder not found',
    description: 'A folder named on the command line or in svcpkg.config.yaml does not exist. Commands stop with exit code 2.',
    example: 'svcpkg validate packagez.d',
    fix: 'Correct the path.',
  },
});
