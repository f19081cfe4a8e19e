// docs/diff.md's table of change kinds must match the classification the engine applies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKING_RULES } from '../../src/diff/classify.js';
import { CHANGE_KINDS } from '../../src/diff/model.js';
import { REPO_ROOT } from '../helpers/cli.js';

const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'diff.md'), 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\| `([a-z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1] as string, (m[2] as string).trim()]),
);

describe('docs/diff.md', () => {
  it('lists every kind of change, and no other', () => {
    expect([...rows.keys()].sort()).toEqual([...CHANGE_KINDS].sort());
  });

  it('gives each kind the verdict the engine applies', () => {
    for (const kind of CHANGE_KINDS) {
      const rule = BREAKING_RULES[kind];
      const documented = rows.get(kind);
      if (rule === true) expect(documented, kind).toBe('yes');
      else if (rule === false) expect(documented, kind).toBe('no');
      else expect(documented, kind).toMatch(/^when /);
    }
  });
});
