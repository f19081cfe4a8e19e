import { describe, expect, it } from 'vitest';
import { secretWordIn } from '../../../src/check/rules/secrets.js';
import { checkCases, meet } from '../helpers.js';

describe('secrets: no credentials in package files (SPEC §2.2)', () => {
  checkCases([
    {
      name: 'a secret in provider settings',
      yaml: 'code: sec-pkg\nname: Secret\nservice_type: meet\nproviders:\n  - type: bbb\n    settings:\n      bbb_secret: 8cd8ef52e8e1\n',
      expected: [['SP3013', 7, 7]],
      message: /`bbb_secret` looks like a credential/,
      hint: 'environment variable',
    },
    {
      name: 'a secret as a provider entry key: the schema and the secret rule both speak',
      yaml: 'code: sec-pkg\nname: Secret\nservice_type: meet\nproviders:\n  - type: bbb\n    password: hunter2\n',
      expected: [
        ['SP2001', 6, 5],
        ['SP3013', 6, 5],
      ],
    },
    { name: 'camelCase in package_settings', yaml: meet('package_settings:\n  apiKey: abc\n'), expected: [['SP3013', 6, 3]] },
    { name: 'one nested level in package_metadata', yaml: meet('package_metadata:\n  deploy:\n    host_key: ssh-ed25519 AAAA\n'), expected: [['SP3013', 7, 5]] },
    { name: 'a token in a metadata mapping', yaml: meet('package_metadata:\n  webhook: { url: "https://example.test", token: t0k }\n'), expected: [['SP3013', 6, 43]] },
    { name: 'harmless keys', yaml: meet('package_settings:\n  welcome_message: hi\npackage_metadata:\n  marketing: { badge: new }\n'), expected: [] },
  ]);

  it.each([
    ['bbb_secret', 'secret'],
    ['apiKey', 'apikey'],
    ['API-KEY', 'apikey'],
    ['clientSecret', 'secret'],
    ['Credentials', 'credential'],
    ['db_passwd', 'passwd'],
    ['private_key', 'privatekey'],
    ['host_key', 'hostkey'],
    ['access_token', 'token'],
    ['name', undefined],
    ['max_sessions', undefined],
  ])('secretWordIn(%s) = %s', (key, word) => {
    expect(secretWordIn(key)).toBe(word);
  });
});
