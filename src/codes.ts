// Every stable diagnostic code of svcpkg, gathered from the stages that own them (docs/diagnostics.md).
import { CATALOG_CODES } from './catalog/codes.js';
import { COMPILE_CODES } from './compile/codes.js';
import { RULE_CODES } from './check/rules/index.js';
import { CONFIG_CODES } from './config/codes.js';
import type { CodeDefinition } from './diagnostics/registry.js';
import { SCHEMA_CODES } from './schema/codes.js';
import { SIMULATE_CODES } from './simulate/codes.js';
import { SOURCE_CODES } from './source/codes.js';
import { WORKFLOW_CODES } from './workflow/codes.js';

/** Every code, sorted. Later stages add their groups here. */
export const ALL_CODES: readonly CodeDefinition[] = [
  ...Object.values(SOURCE_CODES),
  ...Object.values(SCHEMA_CODES),
  ...RULE_CODES,
  ...Object.values(CATALOG_CODES),
  ...Object.values(COMPILE_CODES),
  ...Object.values(SIMULATE_CODES),
  ...Object.values(CONFIG_CODES),
  ...Object.values(WORKFLOW_CODES),
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const byCode = new Map(ALL_CODES.map((c) => [c.code, c]));

/** The definition of a code, for SARIF rules and `svcpkg explain-code`. */
export function lookupCode(code: string): CodeDefinition | undefined {
  return byCode.get(code);
}
