// One ajv instance per process, with every schema of schemas/ registered and each compiled on first use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { SCHEMAS_DIR } from '../assets.js';

/** Base of every schema `$id`. */
export const SCHEMA_ID_BASE = 'https://svcpkg.dev/schemas/';

/** Names of the schemas shipped in schemas/ (the file name without `.schema.json`). */
export type SchemaName = string;

let instance: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The shared ajv instance: every schema of schemas/ added, compiled lazily. */
export function getAjv(): Ajv2020 {
  if (instance) return instance;
  // validateSchema: false — our schemas are checked against the meta-schema by a test, not at
  // every start-up, where it cost ~150 ms (SPEC §11: validate of a small repo under 300 ms).
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
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

/** The compiled validator of a shipped schema, e.g. `service-package`. */
export function getValidator(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const validate = getAjv().getSchema(`${SCHEMA_ID_BASE}${name}.schema.json`);
  if (!validate) throw new Error(`svcpkg: no schema named ${name} in ${SCHEMAS_DIR}`);
  compiled.set(name, validate);
  return validate;
}

/** The raw JSON of a shipped schema (for the specialised editor schemas and the docs). */
export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}
