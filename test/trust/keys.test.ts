// Forbidden keys are judged by their parsed spelling (docs/diagnostics.md, SP1009), through the
// built CLI, and the generated manifest.ts never carries a key that sets a prototype.
import { describe, expect, it } from 'vitest';
import { renderManifestTs } from '../../src/compile/emit/typescript.js';
import type { Manifest } from '../../src/generated/manifest.js';
import { parseSourceFast } from '../../src/source/fast.js';
import { parseSource } from '../../src/source/parse.js';
import { makeRepo, runProcess, VALID_PACKAGE } from '../helpers/cli.js';


/** Run `node bin/svcpkg.js validate --format json` on a repo with one package file. */
async function validate(pkg: string): Promise<{ code: number; found: Array<{ code: string; path: string; line: number }> }> {
  const repo = await makeRepo({ 'packages.d/a.yaml': pkg });
  const result = await runProcess(['validate', '--format', 'json'], { cwd: repo });
  const json = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; path: string; line: number }> };
  return { code: result.code, found: json.diagnostics.map(({ code, path, line }) => ({ code, path, line })) };
}

// Spellings of forbidden keys that hold no forbidden word in the raw text.
const SPELLINGS: Record<string, string> = {
  hexEscape: '"__pro\\x74o__"',
  unicodeEscape: '"\\u005f_proto__"',
  constructorEscape: '"constr\\x75ctor"',
  prototypeEscape: '"pro\\u0074otype"',
};

describe('forbidden keys spelt with escapes', () => {
  for (const [name, key] of Object.entries(SPELLINGS)) {
    it(`gets SP1009 in package_metadata (${name})`, async () => {
      const result = await validate(`${VALID_PACKAGE}package_metadata:\n  ${key}: {admin: true}\n`);
      expect(result.code).toBe(1);
      expect(result.found.filter((d) => d.code === 'SP1009')).toEqual([expect.objectContaining({ line: 9 })]);
    });
  }

  it('gets SP1009 in provider settings', async () => {
    const pkg = `${VALID_PACKAGE}providers:\n  - type: bbb\n    default: true\n    settings:\n      "__pro\\x74o__": {polluted: true}\n`;
    const result = await validate(pkg);
    expect(result.code).toBe(1);
    expect(result.found.filter((d) => d.code === 'SP1009')).toEqual([{ code: 'SP1009', path: '/providers/0/settings/__proto__', line: 12 }]);
  });

  it('gets SP1009 for a key reached through an alias', async () => {
    const result = await validate(`${VALID_PACKAGE}package_settings: {a: &k "\\x5f_proto__"}\npackage_metadata:\n  *k : 1\n`);
    expect(result.found.map((d) => d.code)).toContain('SP1009');
  });

  it('sends such a file the full way in the fast path too', () => {
    const text = `${VALID_PACKAGE}package_metadata:\n  "__pro\\x74o__": {a: 1}\n`;
    expect(parseSourceFast('a.yaml', text)).toBeUndefined();
    expect(parseSource('a.yaml', text).diagnostics.map((d) => d.code)).toEqual(['SP1009']);
  });
});

describe('-0', () => {
  it('reads as 0 in both parsers, whatever the spelling', () => {
    for (const spelling of ['-0', '-0.0', '-0e0', '-.0', '[-0]']) {
      const text = `a: ${spelling}\n`;
      const full = parseSource('a.yaml', text).documents[0]?.value as { a: unknown };
      const fast = (parseSourceFast('a.yaml', text) ?? parseSource('a.yaml', text)).documents[0]?.value as { a: unknown };
      const value = Array.isArray(full.a) ? (full.a as unknown[])[0] : full.a;
      expect(Object.is(value, 0), spelling).toBe(true);
      expect(fast).toEqual(full);
      expect(Object.is(Array.isArray(fast.a) ? (fast.a as unknown[])[0] : fast.a, 0), spelling).toBe(true);
    }
  });
});

describe('manifest.ts', () => {
  it('never writes an object-literal key that sets a prototype', async () => {
    const data = JSON.parse('{"format_version": 1, "catalog": {"features": [], "service_types": [], "provider_types": []}, "packages": [{"code": "x", "package_metadata": {"__proto__": {"admin": true}, "a": {"__proto__": 1}}}]}') as Manifest;
    const text = await renderManifestTs(data);
    expect(text).not.toMatch(/^\s*"__proto__"\s*:/m);
    expect(text).toContain('["__proto__"]: {');
    // Evaluated, the literal has the key as its own property, like JSON.parse gives it.
    const literal = text.slice(text.indexOf('= {') + 2, text.indexOf('} as const') + 1);
    const value = new Function(`return (${literal});`)() as { packages: Array<{ package_metadata: Record<string, unknown> }> };
    const metadata = value.packages[0]?.package_metadata ?? {};
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.keys(metadata)).toEqual(['__proto__', 'a']);
  });
});
