// The fast path (docs/architecture.md#performance-budgets): js-yaml reads a file several times faster than `yaml` but keeps no
// positions. Files with nothing unusual are read with js-yaml; positions are computed only when a
// diagnostic needs one, by a scan along its pointer (locate.ts), or — where the scan cannot be
// sure — by parsing that file again with `yaml`. Anything unusual goes the full way.
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { findExcessiveNesting } from './depth.js';
import { Locator } from './locate.js';
import { inspectParsed } from './plain.js';
import { normalizeLineBreaks } from './line-breaks.js';
import { DEFAULT_MAX_DEPTH, parseSource } from './parse.js';
import type { LocateTarget, ParseOptions, SourceDocument, SourceFile } from './source-file.js';

// Where a plain value may start and end on a line (block or flow context).
const VALUE_START = String.raw`(?:^|[\[{,]|[:?-][ \t])[ \t]*`;
const VALUE_END = String.raw`[ \t]*(?:$|#|[,\]}])`;

/**
 * Text that the full parser must see: constructs the two parsers may read differently, or that
 * the full parser reports (YAML 1.1 look-alikes, forbidden keys, tabs, anchors, tags, directives).
 * A false positive costs only speed; a false negative could hide a diagnostic, so it is broad.
 * Split in groups behind cheap `includes` gates: one big alternation cost 180 ms on 10 MB.
 */
const ANYWHERE = /[\t\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u2028\u2029]|<<|__proto__|constructor|prototype|\.(?:inf|nan)\b|[0-9]_[0-9]|0[bBoOxX][0-9a-fA-F]|[0-9][eE][-+]?[0-9]|[-+]\./i;
const INDICATORS = /(?:^|[\s\[{,])[&*!|>]/m; // anchors, aliases, tags, block scalar headers
const YAML11_VALUE = new RegExp(VALUE_START + String.raw`(?:(?:yes|no|on|off|y|n)` + VALUE_END + String.raw`|[-+]?0[0-9])`, 'im');
const SEXAGESIMAL = new RegExp(String.raw`[0-9]:[0-5]?[0-9]` + VALUE_END, 'm');
const LINE_START = /^(?:%|\.\.\.|---[ \t]*[^\s#]|[ \t]*\?(?:[ \t]|$))/m;
const QUOTES = new RegExp(
  [
    String.raw`["']#`, // a comment glued to a quoted scalar: an error for the full parser
    VALUE_START + String.raw`"(?:[^"\\\n]|\\.)*$`, // quoted scalars spanning lines: folding rules are subtle
    VALUE_START + String.raw`'(?:[^'\n]|'')*$`,
  ].join('|'),
  'm',
);
// Collections as keys; collections spanning lines. "An opener with no closer after it on its line"
// is written as "an opener with no bracket at all after it": the same lines match, but each scan
// stops at the next bracket, so a long line costs linear time (`[^\]}\n]*$` was quadratic).
const FLOW = /[\]}][ \t]*:(?:[ \t]|$)|[\[{][^\[{\]}\n]*$/m;

/** Whether a text can take the fast path at all (exported for tests). */
export function fastPathEligible(text: string): boolean {
  if (text.trim().length === 0) return false;
  if (ANYWHERE.test(text) || INDICATORS.test(text) || YAML11_VALUE.test(text) || LINE_START.test(text)) return false;
  if (text.includes(':') && SEXAGESIMAL.test(text)) return false;
  if ((text.includes('"') || text.includes("'")) && QUOTES.test(text)) return false;
  if ((text.includes('[') || text.includes('{')) && FLOW.test(text)) return false;
  return true;
}

/**
 * A cheap proof that the text nests less than `limit` levels: flow brackets plus the widest run
 * of spaces and dashes at a line start bound the depth. Two native regex passes instead of a
 * character loop; the loop runs only when the bound is not enough.
 */
function surelyShallow(text: string, limit: number): boolean {
  const brackets = text.match(/[\[{]/g)?.length ?? 0;
  const room = limit - brackets;
  if (room <= 0) return false;
  return !new RegExp(`^[ -]{${room},}`, 'm').test(text);
}

/**
 * Parse with js-yaml when the text is plain enough; undefined means "use parseSource". The result
 * matches what parseSource would give: same values, and no parser diagnostics (a file that would
 * have any is sent the full way).
 */
export function parseSourceFast(file: string, rawText: string, options: ParseOptions = {}): SourceFile | undefined {
  const text = normalizeLineBreaks(rawText); // as parseSource does: both paths see the same lines
  // The depth check first: it is linear, and it turns away the deeply nested texts (a 1 MiB line of
  // brackets) on which the gate's regular expressions would cost the most.
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!surelyShallow(text, maxDepth) && findExcessiveNesting(text, maxDepth + 1) !== -1) return undefined;
  if (!fastPathEligible(text)) return undefined;
  let values: unknown[];
  try {
    values = loadAll(text, undefined, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined; // syntax errors, duplicate keys, stack overflow: the full parser reports them
  }
  const wantList = options.root === 'sequence';
  let nonEmpty = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    nonEmpty++;
    if (wantList ? !Array.isArray(value) : !isPlainObject(value)) return undefined;
    if (tooDeep(value, maxDepth)) return undefined;
    if (inspectParsed(value).length > 0) return undefined; // forbidden keys: the full parser locates them
  }
  if (nonEmpty === 0) return undefined;

  const positions = lazyPositions(file, text, options, true);
  const documents: SourceDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    documents.push(lazyDocument(file, index, value, positions));
  });
  return { file, text, documents, diagnostics: [] };
}

/** Positions of a file's documents, computed on first use. */
export type LazyPositions = (index: number) => SourceDocument | undefined;

/**
 * Positions on demand. On a text the fast path took (`fastPath`, which checked results from a worker
 * or the cache carry with them; when not given, a text the fast path's gate accepts), a scan along
 * the pointer (locate.ts); anything the scan is not sure of, and every other text, from one full
 * parse of the file, shared by its documents.
 */
export function lazyPositions(file: string, text: string, options: ParseOptions = {}, fastPath?: boolean): LazyPositions {
  let full: SourceFile | undefined;
  let locator: Locator | null | undefined;
  const scan = (): Locator | null => {
    if (locator === undefined) {
      const normalized = normalizeLineBreaks(text);
      // Results from a worker or the cache: the gate alone, without parsing again. The documents
      // asked about parsed without error (they are packages), and on text the gate accepts a
      // `---` line always separates documents, so a broken neighbour does not move them.
      const eligible = fastPath ?? (fastPathEligible(normalized) && findExcessiveNesting(normalized, (options.maxDepth ?? DEFAULT_MAX_DEPTH) + 1) === -1);
      locator = eligible ? new Locator(normalized) : null;
    }
    return locator;
  };
  const parsed = (index: number): SourceDocument | undefined => {
    full ??= parseSource(file, text, options);
    return full.documents.find((d) => d.index === index);
  };
  const documents = new Map<number, SourceDocument>();
  return (index: number) => {
    let document = documents.get(index);
    if (!document) {
      document = {
        file,
        index,
        value: undefined,
        locate(pointer: string, target?: LocateTarget): Span {
          return scan()?.locate(index, pointer, target) ?? parsed(index)?.locate(pointer, target) ?? FILE_START;
        },
        sourceOf(pointer: string): string | undefined {
          const found = scan()?.sourceOf(index, pointer);
          return found ? found.source : parsed(index)?.sourceOf(pointer);
        },
      };
      documents.set(index, document);
    }
    return document;
  };
}

/** A document whose value is known and whose positions come from `positions` when asked. */
export function lazyDocument(file: string, index: number, value: unknown, positions: LazyPositions): SourceDocument {
  return {
    file,
    index,
    value,
    locate(pointer: string, target?: LocateTarget): Span {
      return positions(index)?.locate(pointer, target) ?? FILE_START;
    },
    sourceOf(pointer: string): string | undefined {
      return positions(index)?.sourceOf(pointer);
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Iterative depth check on plain values (the same measure as findTooDeep in nodes.ts). */
function tooDeep(root: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (depth > maxDepth) return true;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
      }
    }
  }
  return false;
}
