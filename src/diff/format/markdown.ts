// The pull-request view of a diff: a table per package, breaking changes first, marked ⚠.
import { printable } from '../../diagnostics/format/printable.js';
import { describeChange, describeTotals } from '../describe.js';
import type { Change, ChangeAction, ManifestDiff, PackageDiff } from '../model.js';

const MARKERS: Readonly<Record<ChangeAction, string>> = { added: '+', removed: '−', changed: '~' };

/** Text safe inside a table cell: no column breaks, no line breaks, no HTML, no control or bidirectional characters. */
function cell(text: string): string {
  return printable(text.replace(/\s+/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code that survives any content (backticks inside would end the span). */
function code(text: string): string {
  return '`' + cell(text).replace(/`/g, "'") + '`';
}

function heading(pkg: PackageDiff): string {
  const flag = pkg.breaking ? '⚠ ' : '';
  const status =
    pkg.status === 'added' ? ' (new)' : pkg.status === 'removed' ? ' (removed)' : pkg.old_code !== undefined ? ` (renamed from ${code(pkg.old_code)})` : '';
  return `### ${flag}${code(pkg.code)}${status}`;
}

function row(change: Change): string {
  const { summary, before, after } = describeChange(change);
  const mark = `${change.breaking ? '⚠ ' : ''}${MARKERS[change.action]}`;
  return `| ${mark} | ${code(change.path)} | ${cell(summary)} | ${cell(before)} | ${cell(after)} |`;
}

function table(pkg: PackageDiff): string[] {
  // Breaking first, each group in the engine's order (Array.prototype.sort is stable).
  const ordered = [...pkg.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
  return [heading(pkg), '', '| | where | change | before | after |', '|---|---|---|---|---|', ...ordered.map(row), ''];
}

/** Format a diff as Markdown for a pull-request comment. */
export function formatMarkdownDiff(diff: ManifestDiff): string {
  const title = `## svcpkg diff ${code(diff.old.label)} → ${code(diff.new.label)}`;
  const note = diff.catalog_changed ? ['> **Note:** the catalog differs between the two sides.', ''] : [];
  if (diff.packages.length === 0) {
    return [title, '', ...note, 'No package changes.', ''].join('\n');
  }
  const { breaking, changes } = diff.summary;
  const count = diff.packages.length;
  const totals = `**${count} package${count === 1 ? '' : 's'} changed: ${describeTotals(changes, breaking)}**`;
  return [title, '', breaking > 0 ? `⚠ ${totals}` : totals, '', ...note, ...diff.packages.flatMap(table)].join('\n');
}
