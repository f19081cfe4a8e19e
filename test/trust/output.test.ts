// Outputs for terminals and CI logs carry no raw control or bidirectional characters from the
// input (docs/diagnostics.md): keys, values and file names are made visible, once, in printable.ts.
import { describe, expect, it } from 'vitest';
import { makeRepo, runProcess } from '../helpers/cli.js';

/** C0 controls but the line feed, DEL, C1 controls, bidirectional controls and marks. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

// ESC, BEL and RLO in a key (an unknown feature) and in a value (a code that breaks the pattern).
const HOSTILE = 'code: "Meet\\e[2J\\a\\u202Elive"\nname: X\nservice_type: meet\nstatus: inactive\nfeatures:\n  "max\\e[31m\\u202Erooms\\x9b": 5\n';

describe('terminal and CI outputs', () => {
  for (const format of ['github', 'pretty']) {
    it(`--format ${format} escapes ESC, BEL and RLO from keys and values`, async () => {
      const repo = await makeRepo({ 'packages.d/a\u202Egpj.yaml': HOSTILE });
      const result = await runProcess(['validate', '--format', format], { cwd: repo });
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(UNSAFE);
      expect(result.stderr).not.toMatch(UNSAFE);
      expect(result.stdout).toContain('\\u{202E}');
      expect(result.stdout).toContain('␛');
      if (format === 'github') expect(result.stdout).toMatch(/^::error file=packages\.d\/a\\u\{202E\}gpj\.yaml,.*␛\[31m\\u\{202E\}rooms/m);
    });
  }

  it('escapes hostile names in the list of skipped files', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': HOSTILE, 'packages.d/x\u001b[2J\u202E.txt': 'x' });
    const result = await runProcess(['validate', '--verbose', '--format', 'json'], { cwd: repo });
    expect(result.stderr).toContain('skipped 1 non-YAML file');
    expect(result.stderr).not.toMatch(UNSAFE);
  });
});
