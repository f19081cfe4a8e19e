// The terminal view of a diff: grouped per package, + / − / ~ markers, breaking changes flagged.
// Codes, paths, values and labels come from YAML and the command line: each is made printable.
import { palette, type Palette } from '../../diagnostics/format/color.js';
import { printable } from '../../diagnostics/format/printable.js';
import { describeChange, describeTotals } from '../describe.js';
import type { Change, ChangeAction, ManifestDiff, PackageDiff } from '../model.js';

/** Options of the pretty formatter. */
export interface PrettyDiffOptions {
  /** Use ANSI colours. */
  color: boolean;
}

const MARKERS: Readonly<Record<ChangeAction, string>> = { added: '+', removed: '−', changed: '~' };

function marker(action: ChangeAction, style: Palette): string {
  const text = MARKERS[action];
  return action === 'added' ? style.success(text) : action === 'removed' ? style.error(text) : style.warning(text);
}

/** "before → after", "after" for an addition, "was before" for a removal. */
function values(change: Change): string {
  // "switched on: on" says nothing more than "switched on".
  if (change.kind === 'switch_on' || change.kind === 'switch_off') return '';
  const { before, after } = describeChange(change);
  if (change.action === 'added') return after === '—' ? '' : after;
  if (change.action === 'removed') return before === '—' ? '' : `was ${before}`;
  return `${before} → ${after}`;
}

function packageLines(pkg: PackageDiff, style: Palette): string[] {
  const flag = (breaking: boolean) => (breaking ? `  ${style.error('⚠ breaking')}` : '');
  if (pkg.status === 'added' || pkg.status === 'removed') {
    const only = pkg.changes[0];
    const action: ChangeAction = pkg.status;
    return [`${marker(action, style)} ${style.heading(printable(pkg.code))}  ${only ? printable(describeChange(only).summary) : ''}${flag(pkg.breaking)}`];
  }
  const renamed = pkg.old_code !== undefined ? style.dim(` (was ${printable(pkg.old_code)})`) : '';
  const lines = [`${marker('changed', style)} ${style.heading(printable(pkg.code))}${renamed}`];
  const width = Math.max(...pkg.changes.map((c) => printable(c.path).length));
  for (const change of pkg.changes) {
    const { summary } = describeChange(change);
    const shown = values(change);
    const text = shown === '' ? summary : `${summary}: ${shown}`;
    lines.push(`    ${marker(change.action, style)} ${printable(change.path).padEnd(width)}  ${printable(text)}${flag(change.breaking)}`);
  }
  return lines;
}

/** Format a diff for a terminal. */
export function formatPrettyDiff(diff: ManifestDiff, options: PrettyDiffOptions): string {
  const style = palette(options.color);
  const [oldLabel, newLabel] = [printable(diff.old.label), printable(diff.new.label)];
  const title = `${style.dim('svcpkg diff')} ${oldLabel} → ${newLabel}`;
  const notes = diff.catalog_changed ? [style.dim(`note: the catalog differs between ${oldLabel} and ${newLabel}`)] : [];
  if (diff.packages.length === 0) {
    return [title, '', ...notes, style.success(`No package changes between ${oldLabel} and ${newLabel}.`), ''].join('\n');
  }
  const { breaking, changes } = diff.summary;
  const count = diff.packages.length;
  const totals = `${count} package${count === 1 ? '' : 's'} changed: ${describeTotals(changes, breaking)}`;
  return [
    title,
    '',
    ...diff.packages.flatMap((pkg) => packageLines(pkg, style)),
    '',
    ...notes,
    breaking > 0 ? style.error(totals) : style.success(totals),
    '',
  ].join('\n');
}
