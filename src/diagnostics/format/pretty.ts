// The `pretty` formatter: diagnostics for people, grouped by file, with code frames and a summary.
import type { Diagnostic, Severity } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import { palette, type Palette, type Style } from './color.js';
import { renderFrame, sourceLines } from './frame.js';
import { formatLocation, displayPath } from './location.js';
import { printable } from './printable.js';
import { summaryLine, type RunStats, type Outcome } from './summary.js';

/** Options of the `pretty` formatter. */
export interface PrettyOptions {
  /** Colour with ANSI escapes (decide with `shouldUseColor`). */
  color: boolean;
  /** Working directory: absolute paths inside it are shown relative to it. */
  cwd?: string;
  /** The text of a file, for code frames; `undefined` when it cannot be read (no frame is shown). */
  readSource: (file: string) => string | undefined;
  /** Also show each diagnostic's JSON pointer and document, and say when a frame is missing. */
  verbose?: boolean;
  /** What the run looked at, for the summary line. */
  stats?: RunStats;
}

const SUMMARY_SYMBOL: Record<Outcome, string> = { errors: '✖', warnings: '⚠', infos: 'ℹ', clean: '✔' };
const INDENT = '  ';

function severityStyle(colors: Palette, severity: Severity): Style {
  return severity === 'error' ? colors.error : severity === 'warning' ? colors.warning : colors.info;
}

function outcomeStyle(colors: Palette, outcome: Outcome): Style {
  if (outcome === 'errors') return colors.error;
  if (outcome === 'warnings') return colors.warning;
  if (outcome === 'infos') return colors.info;
  return colors.success;
}

/** A file's lines, or `undefined` when it cannot be read. */
type LineReader = (file: string) => readonly string[] | undefined;

/** Read and split each file at most once, and treat a reader that throws like a missing file. */
function cachedReader(readSource: PrettyOptions['readSource']): LineReader {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readSource(file);
      } catch {
        text = undefined;
      }
      cache.set(file, text === undefined ? undefined : sourceLines(text));
    }
    return cache.get(file);
  };
}

/** The lines for one diagnostic: headline, code frame, hint, related locations. */
function renderDiagnostic(
  d: Diagnostic,
  options: PrettyOptions,
  colors: Palette,
  read: LineReader,
): string[] {
  const style = severityStyle(colors, d.severity);
  const location = printable(formatLocation(d, options.cwd));
  const headline = `${style(d.severity)} ${colors.dim(d.code)} ${printable(d.message)}`;
  const out = [location === '' ? headline : `${location}: ${headline}`];

  if (options.verbose && d.file !== '') {
    const pointer = d.path === '' ? '(document root)' : printable(d.path);
    // Documents are counted from 1 here, for people; the JSON output keeps the 0-based index.
    const document = d.document === undefined ? '' : ` in document ${d.document + 1} of the file`;
    out.push(INDENT + colors.dim(`at ${pointer}${document}`));
  }

  if (d.file !== '') {
    const lines = read(d.file);
    const frame = lines === undefined ? [] : renderFrame(lines, d, { marker: style, gutter: colors.dim });
    for (const row of frame) out.push(INDENT + row);
    if (frame.length === 0 && options.verbose) {
      out.push(INDENT + colors.dim(lines === undefined ? '(source not available)' : '(position is outside the source)'));
    }
  }

  if (d.hint !== undefined) out.push(`${INDENT}${colors.hint('hint:')} ${printable(d.hint)}`);
  for (const related of d.related ?? []) {
    const where = printable(formatLocation(related, options.cwd));
    out.push(INDENT + colors.dim(`↳ ${where === '' ? '' : `${where}: `}${printable(related.message)}`));
  }
  return out;
}

/**
 * Format diagnostics for a terminal: one section per file (files sorted, diagnostics by
 * position), each diagnostic as `file:line:column: severity CODE message` with a code frame,
 * its hint and related locations, then one summary line. Diagnostics without a file come first.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const colors = palette(options.color);
  const read = cachedReader(options.readSource);
  const sorted = sortDiagnostics(diagnostics);
  const blocks: string[] = [];

  let currentFile: string | undefined;
  for (const d of sorted) {
    if (d.file !== currentFile) {
      currentFile = d.file;
      if (d.file !== '') blocks.push(colors.heading(printable(displayPath(d.file, options.cwd))));
    }
    blocks.push(renderDiagnostic(d, options, colors, read).join('\n'));
  }

  const line = summaryLine(sorted, options.stats);
  blocks.push(outcomeStyle(colors, line.outcome)(`${SUMMARY_SYMBOL[line.outcome]} ${line.text}`));
  return blocks.join('\n\n') + '\n';
}
