// The validators of schemas/: precompiled at build time when the schemas are those of the build
// (scripts/standalone.mjs), else one ajv instance per process, every schema registered and each
// compiled on first use. ajv itself is loaded only then (docs/decisions.md, Performance).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMAS_DIR } from '../assets.js';

const require = createRequire(import.meta.url);
/** Where the build puts the precompiled validators (absent when running the TypeScript sources). */
const STANDALONE_DIR = fileURLToPath(new URL('./standalone/', import.meta.url));

/** Base of every schema `$id`. */
export const SCHEMA_ID_BASE = 'https://svcpkg.dev/schemas/';

/** Names of the schemas shipped in schemas/ (the file name without `.schema.json`). */
export type SchemaName = string;

let instance: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The shared ajv instance: every schema of schemas/ added, compiled lazily. */
export function getAjv(): Ajv2020 {
  if (instance) return instance;
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const formatsPlugin = require('ajv-formats') as unknown;
  // validateSchema: false — our schemas are checked against the meta-schema by a test, not at
  // every start-up, where it cost ~150 ms (docs/architecture.md#performance-budgets: validate of a small repo under 300 ms).
  // The same options in scripts/standalone.mjs.
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
  const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (a: Ajv2020) => void;
  addFormats(ajv);
  // Human wording for a value's expected shape, used by the error collapser (annotation only).
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  for (const file of readdirSync(SCHEMAS_DIR).sort()) {
    if (!file.endsWith('.schema.json')) continue;
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema);
  }
  instance = ajv;
  return ajv;
}

/**
 * Whether the precompiled validators were made from the schemas now in schemas/ (a hash of their
 * names and texts, as scripts/standalone.mjs computes it), decided once.
 */
let standaloneCurrent: boolean | undefined;
function standaloneUsable(): boolean {
  if (standaloneCurrent !== undefined) return standaloneCurrent;
  standaloneCurrent = false;
  const index = path.join(STANDALONE_DIR, 'index.json');
  if (!existsSync(index)) return false;
  try {
    const stamp = JSON.parse(readFileSync(index, 'utf8')) as { schemas?: unknown };
    const hash = createHash('sha256');
    for (const file of readdirSync(SCHEMAS_DIR).sort()) {
      if (!file.endsWith('.schema.json')) continue;
      hash.update(file).update('\0').update(readFileSync(path.join(SCHEMAS_DIR, file))).update('\0');
    }
    standaloneCurrent = stamp.schemas === hash.digest('hex');
  } catch {
    standaloneCurrent = false; // unreadable: compile with ajv
  }
  return standaloneCurrent;
}

/** The precompiled validator of a schema, if the build made one from the current schemas. */
function precompiled(name: SchemaName): ValidateFunction | undefined {
  if (!/^[a-z0-9-]+$/.test(name) || !standaloneUsable()) return undefined;
  const file = path.join(STANDALONE_DIR, `${name}.cjs`);
  if (!existsSync(file)) return undefined;
  const module = require(file) as { default?: unknown };
  return typeof module.default === 'function' ? (module.default as ValidateFunction) : typeof module === 'function' ? (module as ValidateFunction) : undefined;
}

/** The compiled validator of a shipped schema, e.g. `service-package`. */
export function getValidator(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const fast = precompiled(name);
  if (fast) {
    compiled.set(name, fast);
    return fast;
  }
  const validate = getAjv().getSchema(`${SCHEMA_ID_BASE}${name}.schema.json`);
  if (!validate) throw new Error(`svcpkg: no schema named ${name} in ${SCHEMAS_DIR}`);
  compiled.set(name, validate);
  return validate;
}

/** The raw JSON of a shipped schema (for the specialised editor schemas and the docs). */
export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}
