// The `sarif` formatter: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, RelatedLocation, Severity, Span } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import type { CodeDefinition } from '../registry.js';
import { fencedBlock } from '../docs.js';
import { displayPath } from './location.js';

/** The JSON Schema of SARIF 2.1.0 (OASIS errata 01), named in every log's `$schema`. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Where the tool is described, unless the caller names another page. */
export const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/svcpkg';
/** The base every relative artifact URI is resolved against: the analysed repository's root. */
export const SOURCE_ROOT = '%SRCROOT%';
/** The `partialFingerprints` key svcpkg writes; bump the suffix if the recipe ever changes. */
export const FINGERPRINT_KEY = 'svcpkg/v1';

/** Options of the `sarif` formatter. */
export interface SarifOptions {
  /** svcpkg's version, for `tool.driver.version`. */
  toolVersion: string;
  /** The registry entry for a code, for the rule descriptions; `undefined` for an unknown code. */
  lookupCode: (code: string) => CodeDefinition | undefined;
  /** Working directory: absolute paths inside it become relative URIs. */
  cwd?: string;
  /** Page describing the tool, for `tool.driver.informationUri`. */
  informationUri?: string;
}

// The types below mirror the parts of SARIF 2.1.0 svcpkg writes; field names and meanings are SARIF's.

/** SARIF's result levels. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** A SARIF message. */
export interface SarifMessage {
  text: string;
}

/** A SARIF artifact location: a relative URI under `%SRCROOT%`, or an absolute `file:` URI. */
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A SARIF text region (1-based lines and columns, end column exclusive). */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A SARIF location. */
export interface SarifLocation {
  id?: number;
  physicalLocation?: { artifactLocation: SarifArtifactLocation; region: SarifRegion };
  message?: SarifMessage;
}

/** A SARIF rule: one per code used. */
export interface SarifRule {
  id: string;
  shortDescription?: SarifMessage;
  fullDescription?: SarifMessage;
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration?: { level: SarifLevel };
}

/** A SARIF result: one per diagnostic. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
}

/** A SARIF log with the single run svcpkg writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'svcpkg'; version: string; informationUri: string; rules: SarifRule[] } };
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** The SARIF level of a severity (`info` is SARIF's `note`). */
export function sarifLevel(severity: Severity): SarifLevel {
  return LEVEL[severity];
}

/**
 * Where a file is, as SARIF wants it: relative to `%SRCROOT%` with forward slashes and
 * percent-encoded segments, or an absolute `file:` URI when it lies outside the working directory.
 */
export function artifactLocation(file: string, cwd?: string): SarifArtifactLocation {
  const shown = displayPath(file, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A SARIF region for a span, made valid even for odd input (lines and columns at least 1, end not before start). */
function region(span: Span): SarifRegion {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  const endLine = Math.max(startLine, span.end_line);
  const endColumn = endLine === startLine ? Math.max(startColumn, span.end_column) : Math.max(1, span.end_column);
  return { startLine, startColumn, endLine, endColumn };
}

function relatedLocation(related: RelatedLocation, id: number, cwd: string | undefined): SarifLocation {
  const message = { text: related.message };
  if (related.file === '') return { id, message };
  return { id, physicalLocation: { artifactLocation: artifactLocation(related.file, cwd), region: region(related) }, message };
}

function rule(code: string, def: CodeDefinition | undefined): SarifRule {
  if (def === undefined) return { id: code };
  const markdown = def.example.trim() === '' ? def.fix : `${def.fix}\n\nExample:\n\n${fencedBlock(def.example, 'yaml')}`;
  return {
    id: code,
    shortDescription: { text: def.title },
    fullDescription: { text: def.description },
    help: { text: def.fix, markdown },
    helpUri: def.url,
    defaultConfiguration: { level: sarifLevel(def.severity) },
  };
}

/**
 * A fingerprint that survives unrelated edits: the code, file, document and JSON pointer (not
 * the line, which moves), plus an occurrence number for repeats of the same key in one run.
 */
function fingerprinter(cwd: string | undefined): (d: Diagnostic) => string {
  const occurrences = new Map<string, number>();
  return (d) => {
    const key = [d.code, artifactLocation(d.file, cwd).uri, String(d.document ?? 0), d.path].join('\u0000');
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const occurrence = occurrences.get(hash) ?? 0;
    occurrences.set(hash, occurrence + 1);
    return `${hash}:${occurrence}`;
  };
}

/** The SARIF log as data: one run, one rule per code used (sorted), one result per diagnostic. */
export function toSarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions): SarifLog {
  const sorted = sortDiagnostics(diagnostics);
  const codes = [...new Set(sorted.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const fingerprint = fingerprinter(options.cwd);

  const results = sorted.map(
    (d): SarifResult => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) ?? 0,
      level: sarifLevel(d.severity),
      message: { text: d.hint === undefined ? d.message : `${d.message} (hint: ${d.hint})` },
      // A problem with no file (configuration, usage) has no location; SARIF allows that.
      ...(d.file === ''
        ? {}
        : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file, options.cwd), region: region(d) } }] }),
      ...(d.related !== undefined && d.related.length > 0
        ? { relatedLocations: d.related.map((r, id) => relatedLocation(r, id, options.cwd)) }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(d) },
    }),
  );

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svcpkg',
            version: options.toolVersion,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: codes.map((code) => rule(code, options.lookupCode(code))),
          },
        },
        // yaml reports positions in JavaScript string indices, i.e. UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Format diagnostics as a SARIF 2.1.0 log (two-space indentation, trailing newline). */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(diagnostics, options), null, 2) + '\n';
}
