// ajv errors → one primary problem per location (docs/diagnostics.md#diagnostics): no anyOf/oneOf noise, typos get suggestions.
import type { ErrorObject } from 'ajv';
import { didYouMean, suggest } from '../diagnostics/suggest.js';
import { escapePointerSegment, splitPointer } from '../source/parse.js';
import { SCHEMA_CODES } from './codes.js';

/** A schema problem, not yet located in a file. */
export interface SchemaProblem {
  /** Stable code. */
  code: string;
  /** What is wrong. */
  message: string;
  /** JSON pointer of the offending value (or of the unknown key). */
  pointer: string;
  /** Whether the key or the value at `pointer` is at fault. */
  target: 'key' | 'value';
  /** How to fix it. */
  hint?: string;
  /** Suggested replacements (set exactly when `hint` is a "did you mean" suggestion). */
  expected?: string[];
  /** The offending name or value the suggestion replaces. */
  actual?: string;
}

type AjvError = ErrorObject<string, Record<string, unknown>, unknown>;

const PRIORITY: Record<string, number> = {
  type: 0,
  const: 1,
  enum: 1,
  pattern: 2,
  format: 2,
  minimum: 3,
  maximum: 3,
  exclusiveMinimum: 3,
  exclusiveMaximum: 3,
  minLength: 3,
  maxLength: 3,
  minItems: 3,
  maxItems: 3,
  multipleOf: 3,
  uniqueItems: 4,
};

/** Collapse ajv's raw errors into one problem per location, in document order of their paths. */
export function collapseAjvErrors(errors: readonly AjvError[]): SchemaProblem[] {
  const kept = dropAlternativeNoise(errors);
  const problems: SchemaProblem[] = [];
  const chosen = new Map<string, AjvError>();

  for (const error of kept) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
      const name = String(error.params.additionalProperty ?? error.params.unevaluatedProperty ?? '');
      const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      const hint = didYouMean(name, known);
      const closest = suggest(name, known);
      problems.push({
        code: SCHEMA_CODES.unknownProperty.code,
        message: `unknown property \`${name}\``,
        pointer: `${error.instancePath}/${escapePointerSegment(name)}`,
        target: 'key',
        ...(hint ? { hint } : { hint: known.length > 0 ? `known properties: ${known.join(', ')}` : 'remove it' }),
        ...(closest !== undefined ? { expected: [closest], actual: name } : {}),
      });
    } else if (error.keyword === 'required') {
      const name = String(error.params.missingProperty ?? '');
      problems.push({
        code: SCHEMA_CODES.missingProperty.code,
        message: `missing required property \`${name}\`${where(error.instancePath)}`,
        pointer: error.instancePath,
        target: 'value',
        hint: `add \`${name}: …\``,
      });
    } else if (error.keyword === 'uniqueItems') {
      const j = Number(error.params.j);
      const items = Array.isArray(error.data) ? error.data : [];
      problems.push({
        code: SCHEMA_CODES.invalidValue.code,
        message: `${subject(error.instancePath)} lists ${describe(items[j])} twice`,
        pointer: `${error.instancePath}/${j}`,
        target: 'value',
        hint: 'remove the repeated item',
      });
    } else {
      // One primary message per location: the most fundamental keyword wins (type before range).
      const previous = chosen.get(error.instancePath);
      if (!previous || rank(error) < rank(previous)) chosen.set(error.instancePath, error);
    }
  }

  for (const error of chosen.values()) problems.push(describeError(error));
  return problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function rank(error: AjvError): number {
  return PRIORITY[error.keyword] ?? 5;
}

/**
 * For each failed anyOf/oneOf: if a branch got deeper into the value (the value had that branch's
 * shape), keep that branch's deeper errors; otherwise keep one error for the whole alternative.
 */
function dropAlternativeNoise(errors: readonly AjvError[]): AjvError[] {
  const drop = new Set<AjvError>();
  errors.forEach((alt, index) => {
    if (alt.keyword !== 'anyOf' && alt.keyword !== 'oneOf') return;
    // ajv reports a failed alternative right after its branches' errors. Branches reached through
    // $ref have schema paths outside the alternative's, so collect by position and instance path.
    const branch: AjvError[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const e = errors[i] as AjvError;
      if (e.instancePath !== alt.instancePath && !e.instancePath.startsWith(alt.instancePath + '/')) break;
      branch.push(e);
    }
    const deeper = branch.filter(
      (e) => !drop.has(e) && (e.instancePath.startsWith(alt.instancePath + '/') || (e.instancePath === alt.instancePath && isObjectBranchError(e))),
    );
    if (deeper.length > 0) {
      drop.add(alt);
      for (const e of branch) if (!deeper.includes(e)) drop.add(e);
    } else {
      for (const e of branch) drop.add(e);
    }
  });
  return errors.filter((e) => !drop.has(e));
}

/** Errors about an object's own keys mean the value had the object branch's shape. */
function isObjectBranchError(e: AjvError): boolean {
  return e.keyword === 'required' || e.keyword === 'additionalProperties';
}

function describeError(error: AjvError): SchemaProblem {
  const pointer = error.instancePath;
  const found = describe(error.data);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const expected = typeof parent['x-expected'] === 'string' ? parent['x-expected'] : undefined;
  const name = subject(pointer);
  const base = { pointer, target: 'value' as const };
  switch (error.keyword) {
    case 'anyOf':
    case 'oneOf':
    case 'type': {
      const wanted = expected ?? typeWords(error.keyword === 'type' ? error.params.type : undefined);
      return { ...base, code: SCHEMA_CODES.wrongType.code, message: `${name} must be ${wanted}; found ${found}`, ...typeHint(error.data, wanted) };
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue]) ?? [];
      const list = allowed.map((v) => `\`${String(v)}\``).join(', ');
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed.map(String)) : undefined;
      const closest = typeof error.data === 'string' ? suggest(error.data, allowed.map(String)) : undefined;
      return {
        ...base,
        code: SCHEMA_CODES.notAllowedValue.code,
        message: `${name} must be ${allowed.length === 1 ? list : `one of ${list}`}; found ${found}`,
        ...(hint ? { hint } : {}),
        ...(closest !== undefined && typeof error.data === 'string' ? { expected: [closest], actual: error.data } : {}),
      };
    }
    case 'pattern':
    case 'format':
      return {
        ...base,
        code: SCHEMA_CODES.badFormat.code,
        message: `${name} must be ${expected ?? (error.keyword === 'format' ? `a valid ${String(error.params.format)}` : `text matching ${String(error.params.pattern)}`)}; found ${found}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return { ...base, code: SCHEMA_CODES.outOfRange.code, message: `${name} must be ${op} ${String(error.params.limit)}; found ${found}` };
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(error.params.limit);
      const length = typeof error.data === 'string' ? error.data.length : 0;
      const message =
        error.keyword === 'minLength' && limit === 1
          ? `${name} must not be empty`
          : `${name} must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${limit} characters; found ${length}`;
      return { ...base, code: SCHEMA_CODES.outOfRange.code, message };
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(error.params.limit);
      return {
        ...base,
        code: SCHEMA_CODES.outOfRange.code,
        message: `${name} must list ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`,
      };
    }
    default:
      return { ...base, code: SCHEMA_CODES.invalidValue.code, message: `${name} ${error.message ?? 'is invalid'}` };
  }
}

function typeHint(data: unknown, wanted: string): { hint?: string } {
  if (typeof data === 'string') {
    if (/^(?:yes|no|on|off|y|n)$/i.test(data) && /boolean|true/.test(wanted)) {
      return { hint: `YAML 1.2 reads \`${data}\` as text: write ${/^(?:y|yes|on)$/i.test(data) ? 'true' : 'false'}` };
    }
    if (/^-?\d+(?:\.\d+)?$/.test(data.trim()) && /number|integer/.test(wanted)) return { hint: 'remove the quotes around the number' };
    if (/^(?:true|false)$/i.test(data.trim()) && /boolean|true/.test(wanted)) return { hint: 'remove the quotes around the boolean' };
  }
  if (data === null) return { hint: 'the value is empty: write one after the colon, or remove the key' };
  return {};
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type ?? '').split(',');
  const words: Record<string, string> = {
    integer: 'an integer',
    number: 'a number',
    string: 'a text',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    null: 'empty',
  };
  return types.map((t) => words[t] ?? t).join(' or ');
}

/** A short description of a found value. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)}`;
    case 'number':
      return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function subject(pointer: string): string {
  const segments = splitPointer(pointer);
  if (segments.length === 0) return 'the document';
  const last = segments[segments.length - 1] ?? '';
  if (/^\d+$/.test(last)) {
    const parent = segments[segments.length - 2];
    return parent === undefined ? `item ${last}` : `\`${parent}[${last}]\``;
  }
  return `\`${last}\``;
}

function where(pointer: string): string {
  return pointer === '' ? '' : ` in ${subject(pointer)}`;
}

