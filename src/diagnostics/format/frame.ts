// Code frames for the pretty formatter: the offending source lines with a caret underline,
// laid out in terminal columns so tabs, wide characters and long lines keep the carets aligned.
import type { Span } from '../diagnostic.js';
import { visibleStandIn } from './printable.js';
import type { Style } from './color.js';

/** Tab stops in a frame, in columns (tabs are expanded so the carets line up under them). */
export const TAB_WIDTH = 4;
/** Widest source text shown on one frame row; longer lines are trimmed around the span. */
export const MAX_LINE_WIDTH = 160;
/** Most source lines shown for one span; the rest of a multi-line span is counted, not shown. */
export const MAX_FRAME_LINES = 3;
/** Columns kept before a span that is itself wider than a trimmed line. */
const LEFT_CONTEXT = 8;
const ELLIPSIS = '…';

/** How to colour a frame. */
export interface FrameStyles {
  /** The caret underline (usually the severity's colour). */
  marker: Style;
  /** Line numbers, the `│` rule and notes. */
  gutter: Style;
}

/** One source line laid out in terminal columns. */
interface LineLayout {
  /** One entry per terminal column: a character, or '' for the second half of a wide character. */
  cells: string[];
  /** For each UTF-16 index of the line (and one past its end), the first column it occupies. */
  cellAt: number[];
}

/** Code points that take two terminal columns (East Asian wide and fullwidth, most emoji). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;

/** Terminal columns taken by one printable code point: 0, 1 or 2. */
function cellWidth(char: string, codePoint: number): number {
  if (ZERO_WIDTH.test(char)) return 0;
  for (const [from, to] of WIDE_RANGES) {
    if (codePoint < from) break;
    if (codePoint <= to) return 2;
  }
  return 1;
}

/** Lay out one source line: expand tabs, make control characters visible, measure wide ones. */
function layoutLine(text: string): LineLayout {
  const cells: string[] = [];
  const cellAt: number[] = [];
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) cellAt[i + u] = cells.length;
    const char = String.fromCodePoint(codePoint);
    const standIn = visibleStandIn(codePoint);
    if (codePoint === 0x09) {
      const spaces = TAB_WIDTH - (cells.length % TAB_WIDTH);
      for (let s = 0; s < spaces; s++) cells.push(' ');
    } else if (standIn !== undefined) {
      cells.push(standIn);
    } else {
      const width = cellWidth(char, codePoint);
      // A zero-width mark joins the character before it; at the start of a line (a BOM) it is dropped.
      if (width === 0) {
        if (cells.length > 0) cells[cells.length - 1] += char;
      } else {
        cells.push(char);
        if (width === 2) cells.push('');
      }
    }
    i += units;
  }
  cellAt[text.length] = cells.length;
  return { cells, cellAt };
}

/** The column of a 1-based UTF-16 column, clamped to the line (one past its end at most). */
function columnToCell(layout: LineLayout, column: number): number {
  const index = Math.min(Math.max(column - 1, 0), layout.cellAt.length - 1);
  return layout.cellAt[index] ?? layout.cells.length;
}

/** The first column shown when a line is too wide: the span centred, or its start with some context. */
function windowStart(width: number, start: number, end: number, room: number): number {
  if (width <= MAX_LINE_WIDTH) return 0;
  const spanWidth = end - start;
  const from = spanWidth <= room ? start - Math.floor((room - spanWidth) / 2) : start - LEFT_CONTEXT;
  return Math.max(0, Math.min(from, width - room));
}

/** Render columns [from, from + room) of a line, with `…` where it was cut. */
function renderWindow(cells: readonly string[], from: number, room: number, trimmed: boolean): string {
  if (!trimmed) return cells.join('');
  const to = Math.min(cells.length, from + room);
  const shown = cells.slice(from, to);
  // A wide character cut in half by the window is shown as a space to keep the columns.
  if (shown[0] === '') shown[0] = ' ';
  if (to < cells.length && cells[to] === '' && shown.length > 0) shown[shown.length - 1] = ' ';
  return (from > 0 ? ELLIPSIS : '') + shown.join('') + (to < cells.length ? ELLIPSIS : '');
}

/**
 * Split a file into lines the way YAML counts them (LF, with a CR before it dropped). A leading
 * BOM is removed first: the source stage strips it before parsing, so positions never count it.
 */
export function sourceLines(source: string): string[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * The code frame for `span` in a file split by `sourceLines` (split once per file, not per
 * diagnostic: a large file can carry thousands of diagnostics): numbered source rows, a caret row under the first one
 * (spanning column..end_column, or to the end of the line for a multi-line span), and a note
 * counting the lines of a long span that are not shown. Returns [] when the span lies outside
 * the source (the file changed since it was checked, or the position is unknown).
 */
export function renderFrame(lines: readonly string[], span: Span, styles: FrameStyles): string[] {
  if (span.line < 1 || span.line > lines.length) return [];
  // A node that ends with its line break ends at column 1 of the next line: that line is not part of it.
  const endsAtLineBreak = span.end_line > span.line && span.end_column <= 1;
  const lastLine = Math.min(lines.length, Math.max(span.line, endsAtLineBreak ? span.end_line - 1 : span.end_line));
  const lastShown = Math.min(lastLine, span.line + MAX_FRAME_LINES - 1);

  const first = layoutLine(lines[span.line - 1] ?? '');
  const start = columnToCell(first, span.column);
  const spanEnd = lastLine === span.line && !endsAtLineBreak ? columnToCell(first, span.end_column) : first.cells.length;
  const end = Math.max(spanEnd, start + 1);

  const room = MAX_LINE_WIDTH - 2; // two columns for the ellipses of a trimmed line
  const from = windowStart(first.cells.length, start, end, room);
  const numberWidth = String(lastShown).length;
  const rule = (label: string): string => styles.gutter(`${label.padStart(numberWidth)} │`);
  const row = (label: string, text: string): string => rule(label) + (text === '' ? '' : ` ${text}`);

  const out: string[] = [];
  for (let lineNumber = span.line; lineNumber <= lastShown; lineNumber++) {
    const layout = lineNumber === span.line ? first : layoutLine(lines[lineNumber - 1] ?? '');
    const trimmed = layout.cells.length > MAX_LINE_WIDTH || from > 0;
    out.push(row(String(lineNumber), renderWindow(layout.cells, from, room, trimmed)));
    if (lineNumber === span.line) {
      const lead = (from > 0 ? 1 : 0) + (start - from);
      const visibleEnd = trimmed ? Math.min(end, from + room) : end;
      const width = Math.max(1, visibleEnd - start);
      out.push(row('', ' '.repeat(lead) + styles.marker('^'.repeat(width))));
    }
  }
  const hidden = lastLine - lastShown;
  if (hidden > 0) {
    out.push(styles.gutter(`${' '.repeat(numberWidth)} ┆ … ${hidden} more line${hidden === 1 ? '' : 's'} (to line ${lastLine})`));
  }
  return out;
}
