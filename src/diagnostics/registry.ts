// The registry of stable diagnostic codes. Each stage declares its own codes with `defineCodes`;
// `src/codes.ts` gathers them all for the generated `docs/diagnostics.md`.
import type { Severity } from './diagnostic.js';
import { codeUrl } from './url.js';

/** Documentation of one stable diagnostic code. */
export interface CodeDefinition {
  /** Stable code, `SP` + four digits. The first digit names the stage (see docs/diagnostics.md). */
  code: string;
  /** Default severity. */
  severity: Severity;
  /** Short title, e.g. "Unknown feature". */
  title: string;
  /** One or two sentences: when it is reported and why it matters. */
  description: string;
  /** A small YAML (or other input) example that triggers it. */
  example: string;
  /** How to fix it. */
  fix: string;
  /** Its section of docs/diagnostics.md (derived from the code by `defineCodes`). */
  url: string;
}

/** A code as a stage declares it: everything but what is derived from the code. */
export type CodeSpec = Omit<CodeDefinition, 'url'>;

/** Declare a group of codes; the keys are the names used in code (`CODES.unknownFeature`). */
export function defineCodes<const K extends string>(defs: Record<K, CodeSpec>): Record<K, CodeDefinition> {
  const out = {} as Record<K, CodeDefinition>;
  for (const key of Object.keys(defs) as K[]) out[key] = { ...defs[key], url: codeUrl(defs[key].code) };
  return out;
}
