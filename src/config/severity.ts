// Which codes `severity:` in svcpkg.config.yaml may change, and checking that section with located
// diagnostics. The policy is documented in docs/decisions.md (Configuration).
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SeverityLevel, SeverityOverrides } from '../diagnostics/severity-overrides.js';
import { RULE_CODES } from '../check/rules/index.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { SOURCE_CODES } from '../source/codes.js';
import { escapePointerSegment, type SourceDocument } from '../source/parse.js';
import { CONFIG_CODES } from './codes.js';

// The YAML style warnings: the file was read (as YAML 1.2), only the author's intent is in doubt.
const STYLE_WARNINGS = [SOURCE_CODES.yaml11Boolean, SOURCE_CODES.yaml11Octal, SOURCE_CODES.yaml11Sexagesimal, SOURCE_CODES.yamlWarning];

/**
 * The codes whose severity may be overridden: the package rules (SP3xxx, SP4xxx), judgements about
 * well-typed packages that a team may weigh differently, and the YAML style warnings. Not codes
 * that mean the input could not be read, parsed, typed or trusted (SP1xxx errors, SP2xxx), nor
 * those of the catalog, lockfile, simulation, workflow or configuration: turning those off would
 * let compile run on input it cannot use, or hide an I/O failure. (Taken from the check and
 * source stages' own registries, so config depends on no later stage.)
 */
export const ADJUSTABLE_CODES: ReadonlySet<string> = new Set([...RULE_CODES, ...STYLE_WARNINGS].map((c) => c.code));

/** Whether a code's severity may be overridden (see `ADJUSTABLE_CODES`). */
export function severityAdjustable(code: string): boolean {
  return ADJUSTABLE_CODES.has(code);
}

/** The `severity` section as written (schema-valid). */
export type SeveritySection = Readonly<Record<string, SeverityLevel>>;

/** Check `severity:` of the configuration document; the overrides, and the problems found. */
export function readSeverityOverrides(doc: SourceDocument, section: SeveritySection | undefined): { overrides: SeverityOverrides; diagnostics: Diagnostic[] } {
  const overrides = new Map<string, SeverityLevel>();
  const diagnostics: Diagnostic[] = [];
  for (const [code, level] of Object.entries(section ?? {})) {
    const pointer = `/severity/${escapePointerSegment(code)}`;
    const at = (target: 'key' | 'value') => ({ ...doc.locate(pointer, target), file: doc.file, path: pointer, document: doc.index });
    if (!severityAdjustable(code) && /^SP[34]\d{3}$/.test(code)) {
      // In the rules' ranges but not a rule's code: a typo, most likely.
      const hint = didYouMean(code, ADJUSTABLE_CODES);
      diagnostics.push(diagnosticOf(CONFIG_CODES.unknownSeverityCode, at('key'), `severity names the unknown code \`${code}\``, { hint: hint ?? 'docs/diagnostics.md lists every code' }));
    } else if (!severityAdjustable(code)) {
      diagnostics.push(
        diagnosticOf(
          CONFIG_CODES.fixedSeverity,
          at('value'),
          `the severity of \`${code}\` cannot be changed: only package rules (SP3xxx, SP4xxx) and the YAML style warnings (SP1011, SP1012, SP1013, SP1016) can`,
          { hint: `remove \`${code}\` from severity, and fix the input it reports` },
        ),
      );
    } else {
      overrides.set(code, level);
    }
  }
  return { overrides, diagnostics };
}
