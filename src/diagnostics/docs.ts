// Renders docs/diagnostics.md from the code registry: every stable code with its severity,
// description, example and fix. Pure and deterministic, so a test can check the file for drift.
import type { CodeSpec } from './registry.js';
import { codeAnchor } from './url.js';

/** One range of codes: the first digit after `SP` names the stage that reports them. */
export interface CodeRange {
  /** The digit, `1`…`9`. */
  digit: string;
  /** What the stage checks, as a heading. */
  title: string;
}

/** The code ranges, in order (docs/diagnostics.md#diagnostics, STYLE: one digit per stage). */
export const CODE_RANGES: readonly CodeRange[] = [
  { digit: '1', title: 'Files and YAML' },
  { digit: '2', title: 'Schema and shape' },
  { digit: '3', title: 'Package rules' },
  { digit: '4', title: 'Cross-package rules' },
  { digit: '5', title: 'Catalog' },
  { digit: '6', title: 'Compile and lockfile' },
  { digit: '7', title: 'Scenarios and simulation' },
  { digit: '8', title: 'Workflow' },
  { digit: '9', title: 'Configuration and usage' },
];

const OTHER_RANGE: CodeRange = { digit: '', title: 'Other codes' };

/**
 * A Markdown fenced code block for `text`, with a fence longer than any backtick run inside it so
 * an example that itself contains ``` cannot end the block early.
 */
export function fencedBlock(text: string, language: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens,
 * and `-1`, `-2`… appended to repeats. `seen` carries the repeats across one document.
 */
function slug(heading: string, seen: Map<string, number>): string {
  const base = heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

/** Text safe inside a Markdown link label. */
function linkLabel(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

/** Text on one line (a heading or a table cell cannot span lines). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function rangeOf(code: string): CodeRange {
  const digit = /^SP(\d)\d{3}$/.exec(code)?.[1];
  return CODE_RANGES.find((r) => r.digit === digit) ?? OTHER_RANGE;
}

function rangeHeading(range: CodeRange): string {
  return range === OTHER_RANGE ? range.title : `SP${range.digit}xxx — ${range.title}`;
}

const INTRO = `# Diagnostics

<!-- Generated from the diagnostic code registry (src/codes.ts). Do not edit by hand: a test fails when this file drifts. -->

svcpkg reports every problem it finds in one run as a **diagnostic**: a stable **code** such as
\`SP2003\`, a **severity**, a **message** that names what was expected and what was found, the
**file** and the 1-based **line** and **column** range of the offending YAML node (the key for
unknown or duplicate keys, the value for bad values), the JSON pointer **path** of that node
inside its YAML document, and, when there is one, a **hint** ("did you mean \`max_rooms\`?") and
**related** locations (the other duplicate, the catalog entry).

- **error**: the input is wrong; the command exits with status 1.
- **warning**: the input is probably not what you meant; the command exits with status 1 only
  with \`--strict\`.
- **info**: worth knowing; never changes the exit status.
- **fatal** codes mean an input or the configuration could not be used at all: the command exits
  with status 2, whatever else it found. A problem in the configuration file or a catalog file that
  cannot be read is fatal too, whatever its code.

Diagnostics are printed with \`--format pretty\` (the default, with code frames), \`json\`
(versioned, for programs), \`sarif\` (SARIF 2.1.0, for code-scanning tools) or \`github\`
(workflow annotations, chosen automatically when \`GITHUB_ACTIONS=true\`).

Each code's section below has an anchor named after the code (\`#sp2003\`) that does not change
when a title is reworded; the \`sarif\` format links every rule to it (\`helpUri\`).

Codes are stable: a code keeps its meaning forever and is never reused. The first digit names
the stage that reports it:

| codes | stage |
|---|---|
${CODE_RANGES.map((r) => `| SP${r.digit}xxx | ${r.title} |`).join('\n')}
`;

function renderCode(def: CodeSpec): string {
  // An explicit anchor named after the code: the URL in the registry and SARIF's helpUri point at it.
  const parts = [`<a id="${codeAnchor(def.code)}"></a>`, `### ${def.code} — ${oneLine(def.title)}`, `**Severity:** ${def.severity}${def.fatal ? ' (fatal: the command exits 2)' : ''}`, def.description.trim()];
  if (def.example.trim() !== '') parts.push('**Example**', fencedBlock(def.example, 'yaml'));
  parts.push(`**Fix:** ${def.fix.trim()}`);
  return parts.join('\n\n');
}

/**
 * Render `docs/diagnostics.md`: an introduction (what a diagnostic is, severities, formats, the
 * code ranges), a table of contents, then one section per range with one entry per code, sorted
 * by code: `### SP2003 — Title`, severity, description, a YAML example and the fix. The same
 * codes always give the same bytes, whatever order they come in.
 */
export function renderDiagnosticsDoc(codes: readonly CodeSpec[]): string {
  const sorted = [...codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const groups = new Map<CodeRange, CodeSpec[]>();
  for (const range of [...CODE_RANGES, OTHER_RANGE]) groups.set(range, []);
  for (const def of sorted) groups.get(rangeOf(def.code))?.push(def);

  // The document's own headings take their anchors first.
  const seen = new Map<string, number>([['diagnostics', 1], ['contents', 1]]);
  const toc: string[] = [];
  const body: string[] = [];
  for (const [range, defs] of groups) {
    if (defs.length === 0) continue;
    const heading = rangeHeading(range);
    toc.push(`- [${linkLabel(heading)}](#${slug(heading, seen)})`);
    body.push(`## ${heading}`);
    for (const def of defs) {
      const title = `${def.code} — ${oneLine(def.title)}`;
      toc.push(`  - [${linkLabel(title)}](#${slug(title, seen)})`);
      body.push(renderCode(def));
    }
  }

  const contents = toc.length > 0 ? `## Contents\n\n${toc.join('\n')}` : 'No codes are registered yet.';
  return [INTRO.trimEnd(), contents, ...body].join('\n\n') + '\n';
}
