// Credentials never belong in git (docs/packages.md#providers): keys named like a secret in provider entries, their
// settings, package_settings or package_metadata are errors, whatever their value.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  secretInGit: {
    code: 'SP3013',
    severity: 'error',
    title: 'Credential in a package file',
    description:
      'A key is named like a secret (`secret`, `password`, `token`, `api_key`, `private_key`, `host_key`, …): package files are committed to git, where credentials leak. Matched on the key name, ignoring case, `_` and `-`, anywhere inside it (`bbb_secret`, `apiKey`).',
    example: 'providers:\n  - type: bbb\n    settings:\n      bbb_secret: 8cd8ef52e8e101574e400365b55e11a6\n',
    fix: 'Remove the key and give the value to the platform at deploy time (environment variable, secret store).',
  },
});

/** Names that mark a credential, normalised (lower case, letters and digits only); matched as substrings. */
const SECRET_WORDS = [
  'secret',
  'password',
  'passwd',
  'passphrase',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'hostkey',
  'signingkey',
  'encryptionkey',
  'credential',
] as const;

/** The secret word a key contains, if any. */
export function secretWordIn(key: string): string | undefined {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_WORDS.find((word) => normalized.includes(word));
}

export const rule: PackageRule = {
  scope: 'package',
  name: 'secrets',
  codes: Object.values(CODES),
  check({ checked, report }) {
    // The raw document: a secret is a secret even where the schema rejected the entry around it.
    const raw = checked.raw;
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => visit(item, [...path, i]));
        return;
      }
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const word = secretWordIn(key);
        if (word !== undefined) {
          report(CODES.secretInGit, joinPointer([...path, key]), `\`${key}\` looks like a credential (it contains "${word}"): expected no secrets in package files, which live in git`, {
            target: 'key',
            hint: 'remove it and give the value to the platform at deploy time (environment variable or secret store)',
          });
        }
        visit(child, [...path, key]);
      }
    };
    if (Array.isArray(raw.providers)) {
      raw.providers.forEach((entry, i) => visit(entry, ['providers', i]));
    }
    visit(raw.package_settings, ['package_settings']);
    visit(raw.package_metadata, ['package_metadata']);
  },
};
