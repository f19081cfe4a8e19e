// Loading a scenario (docs/simulation.md#running-a-scenario-svcpkg-simulate): read and parse the YAML keeping positions, check it against
// schemas/scenario.schema.json, load its packages, run the semantic rules, and turn the
// evaluator's ignored overrides into located warnings. Every problem is reported in one run.
import { closeSync } from 'node:fs';
import path from 'node:path';
import { diagnosticOf, hasErrors } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../diagnostics/registry.js';
import { createEvaluator } from '../evaluate/evaluator.js';
import type { EvaluatorManifest, Subscription } from '../evaluate/model.js';
import type { OverrideWarning } from '../evaluate/overrides.js';
import { checkDocument } from '../schema/validate.js';
import { parseSource, type SourceDocument } from '../source/parse.js';
import { readSourceText } from '../source/read.js';
import { openFileSafely } from '../source/safe-file.js';
import { SIMULATE_CODES } from './codes.js';
import { parseScenarioInstant } from './instant.js';
import { loadPackageSource } from './package-source.js';
import type { EventSource, Scenario } from './scenario.js';
import { SCENARIO_RULES, pointerSegment, type RawSubscription, type ScenarioContext } from './scenario-rules.js';

/** Where and how to load a scenario. */
export interface ScenarioLoadOptions {
  /** Working directory: relative paths and diagnostics are relative to it. */
  cwd: string;
  /** Catalog folder for scenarios that name `packages` but no `catalog`. */
  catalogDir: string;
  /** Largest YAML file read. */
  maxFileSize?: number;
  /** Deepest YAML nesting accepted. */
  maxDepth?: number;
  /** Packages of `--against OLD`: a subscription may name one the scenario's packages lack (it stays on OLD). */
  otherPackages?: EvaluatorManifest;
}

/** The outcome of loading a scenario. */
export interface ScenarioLoad {
  /** The scenario, when it has no errors. */
  scenario?: Scenario;
  /** Every problem found, sorted. */
  diagnostics: Diagnostic[];
  /** Texts of the files read, for code frames. */
  texts: Map<string, string>;
}

/** The top level of a scenario as written. */
interface RawScenario {
  manifest?: string;
  packages?: string;
  catalog?: string;
  end?: string;
  subscriptions?: unknown[];
  events?: string | unknown[];
}

/** Load and check the scenario at `file`. Never throws for bad input. */
export async function loadScenario(file: string, options: ScenarioLoadOptions): Promise<ScenarioLoad> {
  const absolute = path.resolve(options.cwd, file);
  const display = path.relative(options.cwd, absolute) || file;
  const dir = path.dirname(absolute);
  const texts = new Map<string, string>();
  const read = await readSourceText(absolute, display, options.maxFileSize);
  if (read.text === undefined) {
    return { diagnostics: read.diagnostics, texts };
  }
  texts.set(display, read.text);
  const parsed = parseSource(display, read.text, { root: 'mapping', ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}) });
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...parsed.diagnostics];
  const [doc, ...extra] = parsed.documents;
  for (const other of extra) {
    diagnostics.push(
      diagnosticOf(SIMULATE_CODES.multipleDocuments, { ...other.locate(''), file: display, path: '', document: other.index }, 'a scenario file holds one document; this is another', {
        hint: 'move it to a scenario file of its own',
      }),
    );
  }
  if (!doc) return { diagnostics: sortDiagnostics(diagnostics), texts };

  const schemaProblems = checkDocument(doc, 'scenario');
  diagnostics.push(...schemaProblems);
  const invalid = (pointer: string): boolean => schemaProblems.some((d) => d.path === pointer || d.path.startsWith(`${pointer}/`));
  const value = doc.value as RawScenario;

  // The packages: exactly one of `manifest` and `packages`.
  let manifest: Scenario['manifest'] | undefined;
  const hasManifest = value.manifest !== undefined;
  const hasPackages = value.packages !== undefined;
  if (hasManifest === hasPackages) {
    diagnostics.push(at(doc, SIMULATE_CODES.packageSource, hasManifest ? '/packages' : '', hasManifest ? 'give either `manifest` or `packages`, not both' : 'the scenario names no packages', {
      hint: 'add `manifest: ../out/manifest.json` (compiled) or `packages: ../packages.d` (compiled in memory)',
      target: 'key',
    }));
  } else if (!invalid('/manifest') && !invalid('/packages') && !invalid('/catalog')) {
    const source = await loadPackageSource(doc, value, { cwd: options.cwd, dir, catalogDir: options.catalogDir, ...pick(options) });
    diagnostics.push(...source.diagnostics);
    manifest = source.manifest;
  }

  const subscriptions = (Array.isArray(value.subscriptions) ? value.subscriptions : [])
    .map((raw, index) => ({ index, raw: raw as RawSubscription }))
    .filter(({ index }) => !invalid(`/subscriptions/${index}`));
  const ruleProblems: Diagnostic[] = [];
  const ctx: ScenarioContext = {
    doc,
    end: invalid('/end') ? undefined : value.end,
    subscriptions,
    manifest,
    otherPackages: options.otherPackages,
    report(code, pointer, message, extra = {}) {
      ruleProblems.push(
        diagnosticOf(code, { ...doc.locate(pointer, extra.target ?? 'value'), file: doc.file, path: pointer }, message, {
          hint: extra.hint || undefined,
          related: extra.related,
          severity: extra.severity,
        }),
      );
    },
  };
  for (const rule of SCENARIO_RULES) rule(ctx);
  diagnostics.push(...ruleProblems);

  // The overrides the evaluator would ignore, for every subscription it can take: one with a
  // known package and real instants (it ignores unknown features itself).
  const fatal = new Set([SIMULATE_CODES.unknownPackage.code, SIMULATE_CODES.badInstant.code]);
  const broken = new Set(ruleProblems.filter((d) => fatal.has(d.code)).map((d) => subscriptionIndex(d.path)));
  const usable = subscriptions.filter(({ index }) => !broken.has(index));
  if (manifest) {
    const known = new Set(manifest.packages.map((p) => p.code));
    const seen = new Set<string>();
    const takeable = usable.filter(({ raw }) => known.has(raw.package) && !seen.has(raw.id) && seen.add(raw.id));
    const byId = new Map(takeable.map(({ index, raw }) => [raw.id, index]));
    const warnings = createEvaluator(manifest, takeable.map(({ raw }) => toSubscription(raw))).warnings;
    for (const warning of warnings) {
      const located = overrideDiagnostic(doc, warning, byId.get(warning.subscription)!);
      if (located) diagnostics.push(located);
    }
  }

  // The events: a file must exist now, so the run cannot fail half-way for a bad path.
  let events: EventSource | undefined;
  if (typeof value.events === 'string' && !invalid('/events')) {
    const eventsPath = path.resolve(dir, value.events);
    // The safe path (docs/decisions.md, "untrusted input"): a regular file, and a link found in the
    // repository only when it stays inside it; a FIFO or device is refused, never waited on.
    const opened = openFileSafely(eventsPath, { maxBytes: Infinity, root: options.cwd });
    if (opened.ok) {
      closeSync(opened.fd);
      events = { kind: 'file', path: eventsPath, display: path.relative(options.cwd, eventsPath) || eventsPath };
    } else {
      // SP7012 is fatal in the registry: an events file that cannot be read is an I/O failure (exit 2).
      diagnostics.push(at(doc, SIMULATE_CODES.unreadableEvents, '/events', `cannot read the events file ${path.relative(options.cwd, eventsPath) || eventsPath} (${opened.errno ?? opened.reason})`, {
        hint: 'fix the path: it is relative to the scenario file',
      }));
    }
  } else if (Array.isArray(value.events)) {
    events = { kind: 'inline', events: value.events };
  }

  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !manifest || !events) return { diagnostics: sorted, texts };
  return {
    scenario: {
      file: display,
      manifest,
      packagesDisplay: displayPath(options.cwd, path.resolve(dir, (value.manifest ?? value.packages)!)),
      ...(value.manifest !== undefined ? { manifestFile: path.resolve(dir, value.manifest) } : {}),
      subscriptions: subscriptions.map(({ raw }) => toSubscription(raw)),
      end: value.end === undefined ? undefined : parseScenarioInstant(value.end),
      endSpan: value.end === undefined ? undefined : doc.locate('/end'),
      events,
    },
    diagnostics: sorted,
    texts,
  };
}

/** A path relative to the working directory when it is inside it, else absolute. */
function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** The evaluator's subscription from the written one (instants checked by the rules). */
function toSubscription(raw: RawSubscription): Subscription {
  return {
    id: raw.id,
    package: raw.package,
    starts_at: parseScenarioInstant(raw.starts_at),
    ...(raw.ends_at !== undefined ? { ends_at: parseScenarioInstant(raw.ends_at) } : {}),
    ...(raw.seats !== undefined ? { seats: raw.seats } : {}),
    ...(raw.cancel !== undefined ? { cancel: { at: parseScenarioInstant(raw.cancel.at), mode: raw.cancel.mode } } : {}),
    ...(raw.features !== undefined ? { features: raw.features } : {}),
    ...(raw.accounts !== undefined ? { accounts: raw.accounts } : {}),
    ...(raw.rooms !== undefined ? { rooms: raw.rooms } : {}),
  };
}

/** A located diagnostic for an override the evaluator ignores (unknown features are SP7002 already). */
function overrideDiagnostic(doc: SourceDocument, warning: OverrideWarning, index: number): Diagnostic | undefined {
  const base = `/subscriptions/${index}`;
  const owner = warning.owner === undefined ? '' : `/${pointerSegment(warning.owner)}`;
  const level = warning.level === 'subscription' ? 'features' : `${warning.level}s`;
  const pointer = `${base}/${level}${owner}/${pointerSegment(warning.feature)}`;
  switch (warning.problem) {
    case 'unknown_feature':
      return undefined;
    case 'above_parent':
      return at(doc, SIMULATE_CODES.aboveParent, pointer, warning.message, {
        hint: 'account and room values can only narrow: lower it, or raise the subscription value',
      });
    case 'level_not_allowed':
      return at(doc, SIMULATE_CODES.levelNotAllowed, pointer, warning.message, {
        target: 'key',
        hint: 'set it on the subscription (`features:`) instead',
      });
    case 'invalid_value':
      return at(doc, SIMULATE_CODES.invalidValue, pointer, warning.message, { hint: 'a switch takes true or false' });
  }
}

/** A diagnostic at a pointer of the scenario. */
function at(doc: SourceDocument, code: CodeDefinition, pointer: string, message: string, extra: { hint?: string; target?: 'key' | 'value' } = {}): Diagnostic {
  return diagnosticOf(code, { ...doc.locate(pointer, extra.target ?? 'value'), file: doc.file, path: pointer }, message, { hint: extra.hint || undefined });
}

/** The subscription index a pointer lies under, or -1. */
function subscriptionIndex(pointer: string): number {
  const match = /^\/subscriptions\/(\d+)/.exec(pointer);
  return match ? Number(match[1]) : -1;
}

/** The size limits to pass on. */
function pick(options: ScenarioLoadOptions): { maxFileSize?: number; maxDepth?: number } {
  return {
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
  };
}
