// The `github` formatter: GitHub Actions workflow commands (annotations on the PR's files), plus a
// plain list of everything, because GitHub shows only 10 annotations of each type per step.
import type { Diagnostic, Severity } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import { displayPath, formatLocation } from './location.js';
import { printable, printableLines } from './printable.js';
import { countOf, summaryLine, type RunStats } from './summary.js';

/** Annotations GitHub shows per type (error, warning, notice) and step; the rest are dropped silently. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** Options of the `github` formatter. */
export interface GithubOptions {
  /** Working directory: absolute paths inside it are given relative to it (GitHub wants repo paths). */
  cwd?: string;
  /** What the run looked at, for the summary line. */
  stats?: RunStats;
  /** Annotations written per type; defaults to GitHub's limit of 10. */
  annotationLimit?: number;
}

/** GitHub's annotation types. */
export type AnnotationType = 'error' | 'warning' | 'notice';

const ANNOTATION: Record<Severity, AnnotationType> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape a workflow command's message: `%`, CR and LF (`%` first, so escapes are not escaped twice). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow command's property value: as data, plus `:` and `,` which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The annotation's position properties. GitHub accepts columns only when the annotation starts
 * and ends on the same line, so a multi-line span gets lines only. `endColumn` is exclusive,
 * like ours. A node that ends with its line break (end at column 1 of the next line) ends on
 * the line before.
 */
function positionProperties(d: Diagnostic): Array<[string, string]> {
  const line = Math.max(1, d.line);
  const endsAtLineBreak = d.end_line > d.line && d.end_column <= 1;
  const endLine = Math.max(line, endsAtLineBreak ? d.end_line - 1 : d.end_line);
  if (endLine !== line) return [['line', String(line)], ['endLine', String(endLine)]];
  const column = Math.max(1, d.column);
  const props: Array<[string, string]> = [['line', String(line)], ['col', String(column)], ['endLine', String(endLine)]];
  if (!endsAtLineBreak) props.push(['endColumn', String(Math.max(column, d.end_column))]);
  return props;
}

/** The annotation text: message, hint and related locations on their own lines. */
function annotationText(d: Diagnostic, cwd: string | undefined): string {
  const lines = [d.message];
  if (d.hint !== undefined) lines.push(`hint: ${d.hint}`);
  for (const r of d.related ?? []) {
    const where = formatLocation(r, cwd);
    lines.push(`↳ ${where === '' ? '' : `${where}: `}${r.message}`);
  }
  return lines.join('\n');
}

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message` command. */
export function annotation(d: Diagnostic, cwd?: string): string {
  const props: Array<[string, string]> = [];
  if (d.file !== '') props.push(['file', displayPath(d.file, cwd)], ...positionProperties(d));
  props.push(['title', d.code]);
  // Control and bidirectional characters are made visible before the command's own escaping:
  // GitHub unescapes %-sequences, so they would reach the log raw (printable.ts).
  const rendered = props.map(([key, value]) => `${key}=${escapeProperty(printable(value))}`).join(',');
  return `::${ANNOTATION[d.severity]} ${rendered}::${escapeData(printableLines(annotationText(d, cwd)))}`;
}

/**
 * A plain log line. The runner treats any line that starts with `::` (after leading spaces) as a
 * command, so a file named like one is written as `./::…`; control characters are made visible
 * so a message cannot start a new line or colour the log.
 */
function plainLine(text: string): string {
  const line = printable(text);
  return /^\s*::/.test(line) ? `./${line.trimStart()}` : line;
}

/** The plain `file:line:col: severity CODE message` lines for one diagnostic, with hint and related. */
function plainEntry(d: Diagnostic, cwd: string | undefined): string[] {
  const where = formatLocation(d, cwd);
  const out = [plainLine(`${where === '' ? '' : `${where}: `}${d.severity} ${d.code} ${d.message}`)];
  if (d.hint !== undefined) out.push(`  ${plainLine(`hint: ${d.hint}`)}`);
  for (const r of d.related ?? []) {
    const rWhere = formatLocation(r, cwd);
    out.push(`  ${plainLine(`↳ ${rWhere === '' ? '' : `${rWhere}: `}${r.message}`)}`);
  }
  return out;
}

/** `14 more errors and 3 more warnings`: the parts joined the way people write lists. */
function joinCounts(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Format diagnostics for GitHub Actions: first every diagnostic as a plain
 * `file:line:col: severity CODE message` line (so nothing is lost), then annotation commands
 * for the first `annotationLimit` diagnostics of each type, then a line saying how many were not
 * annotated (when some were not), then the summary.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], options: GithubOptions = {}): string {
  const limit = options.annotationLimit ?? GITHUB_ANNOTATION_LIMIT;
  const sorted = sortDiagnostics(diagnostics);
  const lines: string[] = [];
  for (const d of sorted) lines.push(...plainEntry(d, options.cwd));

  const annotated: Record<AnnotationType, number> = { error: 0, warning: 0, notice: 0 };
  const skipped: Record<AnnotationType, number> = { error: 0, warning: 0, notice: 0 };
  for (const d of sorted) {
    const type = ANNOTATION[d.severity];
    if (annotated[type] < limit) {
      annotated[type]++;
      lines.push(annotation(d, options.cwd));
    } else {
      skipped[type]++;
    }
  }

  const more = (['error', 'warning', 'notice'] as const)
    .filter((type) => skipped[type] > 0)
    .map((type) => countOf(skipped[type], `more ${type}`));
  if (more.length > 0) {
    lines.push(
      `svcpkg: ${joinCounts(more)} not shown as annotations (GitHub shows ${limit} of each per step); see the full list above`,
    );
  }
  lines.push(`svcpkg: ${summaryLine(sorted, options.stats).text}`);
  return lines.join('\n') + '\n';
}
