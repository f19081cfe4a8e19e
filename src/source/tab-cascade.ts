// One tab, one diagnostic (docs/diagnostics.md, SP1010): a tab in a line's indentation makes the
// `yaml` package misread that line, and the errors it then reports on the rest of the block ("all
// mapping items must start at the same column", "implicit keys need to be on a single line") are
// consequences, not causes. They are dropped; errors outside the broken block are kept.
import type { YAMLError } from 'yaml';
import type { LineIndex } from './position.js';

/** The parts of the `yaml` package the filter uses (passed in: the package is loaded lazily). */
export interface TabErrorApi {
  YAMLParseError: new (pos: [number, number], code: 'TAB_AS_INDENT', message: string) => YAMLError;
}

/**
 * The errors with those caused by a tab in an indentation replaced by one tab error per line.
 * A tab line is one the parser reported a tab on, or one whose indentation holds a tab and on which
 * another error starts: with spaces before the tab (`  \tname: x`) the parser does not name the
 * tab, only "all mapping items must start at the same column". Its broken block runs from that line
 * to the first line after it indented no deeper than its parent (the nearest line above indented
 * with no more spaces than the ones before the tab): the tab's width is unknown, so every line of
 * the parent's block may have been misread (and, when the parent is a list entry, the start of the next
 * entry, where the parser reports the broken list). A document marker (`---`, `...`) ends it too. Errors
 * starting in a broken block are dropped; errors elsewhere are kept, and each tab stays a cause.
 */
export function withoutTabCascade(errors: readonly YAMLError[], text: string, lines: LineIndex, api: TabErrorApi): YAMLError[] {
  if (errors.length === 0 || !text.includes('\t')) return errors as YAMLError[];
  const tabLines = new Map<number, YAMLError>(); // 0-based line → its tab error
  for (const error of errors) {
    const line = lines.position(error.pos[0]).line - 1;
    if (error.code === 'TAB_AS_INDENT') {
      if (!tabLines.has(line) || tabLines.get(line)?.code !== 'TAB_AS_INDENT') tabLines.set(line, error);
    } else if (!tabLines.has(line)) {
      const tab = indentTab(text, lines.starts[line] ?? 0);
      if (tab) tabLines.set(line, new api.YAMLParseError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation'));
    }
  }
  if (tabLines.size === 0) return errors as YAMLError[];
  const blocks = [...tabLines.keys()].map((line) => brokenBlock(text, lines, line));
  const kept = errors.filter((e) => e.code !== 'TAB_AS_INDENT' && !blocks.some(([from, to]) => e.pos[0] >= from && e.pos[0] < to));
  const tabs = [...tabLines.values()].sort((a, b) => a.pos[0] - b.pos[0]);
  return [...kept, ...tabs].sort((a, b) => a.pos[0] - b.pos[0]);
}

/** The span from the first tab of a line's indentation to the end of that indentation, if it holds one. */
function indentTab(text: string, start: number): [number, number] | undefined {
  let i = start;
  let tab = -1;
  for (;; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) {
      if (tab === -1) tab = i;
    } else if (c !== 32) break;
  }
  const next = text[i];
  if (tab === -1 || next === undefined || next === '\n' || next === '\r' || next === '#') return undefined;
  return [tab, i];
}

/** Start offset and end offset (exclusive) of the block a tab on line `tabLine` (0-based) breaks. */
function brokenBlock(text: string, lines: LineIndex, tabLine: number): [number, number] {
  const starts = lines.starts;
  // From the line break before the tab line: the parser reports a misaligned mapping there ("all
  // mapping items must start at the same column", at the end of the line above).
  const lineStart = starts[tabLine] ?? 0;
  const from = Math.max(0, lineStart - (text[lineStart - 2] === '\r' ? 2 : 1));
  const own = leadingSpaces(text, lineStart);
  let parentIndent = -1;
  for (let i = tabLine - 1; i >= 0; i--) {
    const indent = spaceIndent(text, starts[i] ?? 0);
    if (indent === undefined || indent > own) continue;
    if (isDocumentMarker(text, starts[i] ?? 0)) break;
    parentIndent = indent;
    break;
  }
  for (let i = tabLine + 1; i < starts.length; i++) {
    const start = starts[i] ?? text.length;
    if (isDocumentMarker(text, start)) return [from, start];
    const indent = spaceIndent(text, start);
    if (indent === undefined || indent > parentIndent) continue;
    // The next entry of the list the parent belongs to: the parser reports the misread there, at
    // its `- ` (the tab broke the list), so that line is in the block; the ones after it are not.
    if (indent === parentIndent && text.startsWith('-', start + indent) && isEntryStart(text, start + indent)) {
      return [from, starts[i + 1] ?? text.length];
    }
    return [from, start];
  }
  return [from, text.length];
}

/** Number of spaces at the start of the line beginning at `start`. */
function leadingSpaces(text: string, start: number): number {
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  return i - start;
}

/**
 * The indentation of a content line indented with spaces only; undefined for a blank line, a
 * comment line, or a line whose indentation holds a tab (its depth is what is in doubt).
 */
function spaceIndent(text: string, start: number): number | undefined {
  const spaces = leadingSpaces(text, start);
  const next = text[start + spaces];
  if (next === undefined || next === '\n' || next === '\r' || next === '#') return undefined;
  if (next === '\t') return undefined;
  return spaces;
}

/** Whether the `-` at `at` starts a block sequence entry (`- x`, or `-` alone on its line). */
function isEntryStart(text: string, at: number): boolean {
  const next = text[at + 1];
  return next === undefined || next === ' ' || next === '\n' || next === '\r' || next === '\t';
}

function isDocumentMarker(text: string, start: number): boolean {
  return /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(start, start + 4));
}
