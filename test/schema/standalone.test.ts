// The validators precompiled at build time (scripts/standalone.mjs) must be those of the current
// schemas and give exactly the errors ajv's own compile gives: the diagnostics are built from them.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, VALID_PACKAGE } from '../helpers/cli.js';
import { CORPUS } from '../source/hostile-corpus.js';

const require = createRequire(import.meta.url);
const STANDALONE = path.join(REPO_ROOT, 'dist', 'schema', 'standalone');
const { schemasHash } = (await import(path.join(REPO_ROOT, 'scripts', 'standalone.mjs'))) as { schemasHash: () => string };

type Validate = ((value: unknown) => boolean) & { errors?: unknown };

/** A fresh ajv with the options of src/schema/ajv.ts, every schema added. */
function ajvCompiled(): (name: string) => Validate {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  for (const file of readdirSync(path.join(REPO_ROOT, 'schemas')).sort()) {
    if (file.endsWith('.schema.json')) ajv.addSchema(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8')) as object);
  }
  return (name) => ajv.getSchema(`https://svcpkg.dev/schemas/${name}.schema.json`) as unknown as Validate;
}

function both(name: string): [Validate, Validate] {
  return [require(path.join(STANDALONE, `${name}.cjs`)) as Validate, ajvCompiled()(name)];
}

function agree(name: string, [standalone, compiled]: [Validate, Validate], value: unknown): void {
  const a = standalone(value);
  const b = compiled(value);
  expect(a, JSON.stringify(value)).toBe(b);
  expect(standalone.errors ?? null, JSON.stringify(value)).toEqual(compiled.errors ?? null);
}

describe('precompiled validators', () => {
  it('were built from the schemas now in schemas/, one per schema', () => {
    const index = JSON.parse(readFileSync(path.join(STANDALONE, 'index.json'), 'utf8')) as { schemas: string; names: string[] };
    expect(index.schemas).toBe(schemasHash());
    const names = readdirSync(path.join(REPO_ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace('.schema.json', ''));
    expect(index.names.sort()).toEqual(names.sort());
  });

  it('give ajv’s errors on packages: valid, hostile, broken and mutated', () => {
    const validators = both('service-package');
    const values: unknown[] = [load(VALID_PACKAGE)];
    for (const text of Object.values(CORPUS)) {
      try {
        values.push(...loadAll(text as string));
      } catch {
        // not readable by js-yaml: nothing to validate
      }
    }
    const broken = path.join(REPO_ROOT, 'test', 'fixtures', 'broken', 'packages.d');
    for (const file of readdirSync(broken, { recursive: true }) as string[]) {
      if (!/\.ya?ml$/.test(file)) continue;
      try {
        values.push(...loadAll(readFileSync(path.join(broken, file), 'utf8')));
      } catch {
        // a syntax error: the parser reports it
      }
    }
    for (const value of values) agree('service-package', validators, value);
    const base = load(VALID_PACKAGE) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('code', 'name', 'tier', 'price', 'status', 'features', 'providers', 'currency', 'extra'), fc.jsonValue(), { maxKeys: 4 }), (changes) => {
        agree('service-package', validators, { ...base, ...changes });
      }),
      { numRuns: 300 },
    );
  });

  it('give ajv’s errors on configs and scenarios', () => {
    for (const name of ['config', 'scenario']) {
      const validators = both(name);
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => agree(name, validators, value)),
        { numRuns: 200 },
      );
    }
  });
});
