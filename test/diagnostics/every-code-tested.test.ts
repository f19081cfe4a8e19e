// Every registered code is named by a test that asserts it, or run through its documented example
// (test/docs/registry-examples.test.ts runs the SP1xxx–SP4xxx examples): a code no test can fail
// for is a code whose behaviour can silently go.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ALL_CODES } from '../../src/codes.js';

const TEST_ROOT = path.resolve(import.meta.dirname, '..');
const SELF = path.relative(TEST_ROOT, import.meta.filename);
// Lines that name a code without asserting it: the registry-examples test's list of examples it skips.
const NOT_AN_ASSERTION = /^\s*SP\d{4}: '[^']*',$/;

it('every code in the registry is named by a test', async () => {
  const files = (await readdir(TEST_ROOT, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== SELF);
  expect(files.length).toBeGreaterThan(50);
  const named = new Set<string>();
  for (const file of files) {
    const text = await readFile(path.join(TEST_ROOT, file), 'utf8');
    for (const line of text.split('\n')) {
      if (NOT_AN_ASSERTION.test(line)) continue;
      for (const match of line.matchAll(/\bSP\d{4}\b/g)) named.add(match[0]);
    }
  }
  expect(ALL_CODES.length).toBeGreaterThan(80);
  expect(ALL_CODES.map((c) => c.code).filter((code) => !named.has(code))).toEqual([]);
});
