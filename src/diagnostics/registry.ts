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
  /**
   * Whether the code means the run cannot go on — an input or the configuration could not be read
   * at all — so the command exits 2 rather than 1 (docs/architecture.md#diagnostics-and-exit-codes).
   */
  fatal: boolean;
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

/** A code as a stage declares it: everything but what is derived from the code; `fatal` defaults to false. */
export type CodeSpec = Omit<CodeDefinition, 'url' | 'fatal'> & { fatal?: boolean };

/**
 * Every code declared so far in this process, by code. A stage that reports a code has imported
 * the module declaring it, so the lookup sees every code that can occur without the diagnostics
 * stage importing any later stage (as esbuild's message ids carry their kind).
 */
const declared = new Map<string, CodeDefinition>();

/** Declare a group of codes; the keys are the names used in code (`CODES.unknownFeature`). */
export function defineCodes<const K extends string>(defs: Record<K, CodeSpec>): Record<K, CodeDefinition> {
  const out = {} as Record<K, CodeDefinition>;
  for (const key of Object.keys(defs) as K[]) {
    const spec = defs[key];
    const def: CodeDefinition = { ...spec, fatal: spec.fatal ?? false, url: codeUrl(spec.code) };
    out[key] = def;
    declared.set(def.code, def);
  }
  return out;
}

/** The definition of a declared code (undefined for a code no loaded stage declares). */
export function declaredCode(code: string): CodeDefinition | undefined {
  return declared.get(code);
}
