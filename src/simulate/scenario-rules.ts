// Semantic checks of a scenario, after its schema pass: small rules over a read-only context, each
// pushing located diagnostics. Adding a check means adding one function to SCENARIO_RULES.
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../diagnostics/registry.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { EvaluatorManifest } from '../evaluate/model.js';
import { escapePointerSegment, type LocateTarget, type SourceDocument } from '../source/parse.js';
import { SIMULATE_CODES } from './codes.js';
import { parseScenarioInstant } from './instant.js';

/** A subscription as written (its schema pass succeeded, so the types hold). */
export interface RawSubscription {
  /** Subscription id. */
  id: string;
  /** Package code. */
  package: string;
  /** Start, as written. */
  starts_at: string;
  /** Fixed-term end, as written. */
  ends_at?: string;
  /** Seats, as written. */
  seats?: number;
  /** Cancellation, as written. */
  cancel?: { at: string; mode: 'end_of_period' | 'immediate' };
  /** Subscription-level values. */
  features?: Record<string, number | boolean>;
  /** Account-level values by account id. */
  accounts?: Record<string, Record<string, number | boolean>>;
  /** Room-level values by room id. */
  rooms?: Record<string, Record<string, number | boolean>>;
}

/** What the rules read. */
export interface ScenarioContext {
  /** The scenario document. */
  readonly doc: SourceDocument;
  /** The scenario's `end`, as written, when its schema pass succeeded. */
  readonly end: string | undefined;
  /** Subscriptions whose schema pass succeeded, with their index in the list. */
  readonly subscriptions: readonly { index: number; raw: RawSubscription }[];
  /** The packages, when they could be loaded. */
  readonly manifest: EvaluatorManifest | undefined;
  /** The packages of `--against OLD`, when given: subscriptions may name those too. */
  readonly otherPackages?: EvaluatorManifest | undefined;
  /** Record a problem at a JSON pointer of the scenario. */
  report(
    code: CodeDefinition,
    pointer: string,
    message: string,
    extra?: { hint?: string; target?: LocateTarget; severity?: Severity; related?: Diagnostic['related'] },
  ): void;
}

/** A semantic check. */
export type ScenarioRule = (ctx: ScenarioContext) => void;

/** A JSON pointer segment with `~` and `/` escaped (the source stage's helper). */
export const pointerSegment = escapePointerSegment;

/** Every instant must exist: no February 30, no hour 24. */
const realInstants: ScenarioRule = (ctx) => {
  const check = (pointer: string, text: string | undefined): void => {
    if (text !== undefined && Number.isNaN(parseScenarioInstant(text))) {
      ctx.report(SIMULATE_CODES.badInstant, pointer, `\`${text}\` is not a real instant`, {
        hint: 'write an existing date (2026-02-28) or a date-time with a zone (2026-02-28T09:00:00Z)',
      });
    }
  };
  check('/end', ctx.end);
  for (const { index, raw } of ctx.subscriptions) {
    const base = `/subscriptions/${index}`;
    check(`${base}/starts_at`, raw.starts_at);
    check(`${base}/ends_at`, raw.ends_at);
    check(`${base}/cancel/at`, raw.cancel?.at);
  }
};

/** Events name subscriptions by id: ids are unique. */
const uniqueIds: ScenarioRule = (ctx) => {
  const first = new Map<string, number>();
  for (const { index, raw } of ctx.subscriptions) {
    const earlier = first.get(raw.id);
    if (earlier === undefined) {
      first.set(raw.id, index);
      continue;
    }
    const other = ctx.doc.locate(`/subscriptions/${earlier}/id`);
    ctx.report(SIMULATE_CODES.duplicateSubscription, `/subscriptions/${index}/id`, `subscription id \`${raw.id}\` is used twice`, {
      hint: 'give each subscription its own id',
      related: [{ ...other, file: ctx.doc.file, message: 'first used here' }],
    });
  }
};

/** A fixed term ends after the start; a cancellation comes after the start. */
const termAfterStart: ScenarioRule = (ctx) => {
  for (const { index, raw } of ctx.subscriptions) {
    const start = parseScenarioInstant(raw.starts_at);
    if (Number.isNaN(start)) continue;
    const base = `/subscriptions/${index}`;
    if (raw.ends_at !== undefined && parseScenarioInstant(raw.ends_at) <= start) {
      ctx.report(SIMULATE_CODES.endsBeforeStart, `${base}/ends_at`, `\`ends_at\` (${raw.ends_at}) is not after \`starts_at\` (${raw.starts_at})`, {
        hint: 'move `ends_at` after `starts_at`, or remove it',
      });
    }
    if (raw.cancel !== undefined && parseScenarioInstant(raw.cancel.at) <= start) {
      ctx.report(SIMULATE_CODES.cancelBeforeStart, `${base}/cancel/at`, `the cancellation (${raw.cancel.at}) is not after \`starts_at\` (${raw.starts_at}): the subscription never has access`, {
        hint: 'move `cancel.at` after `starts_at`, or remove the cancellation',
      });
    }
  }
};

/** Packages exist in the manifest; subscribing to one that takes none is worth a note. */
const knownPackages: ScenarioRule = (ctx) => {
  if (!ctx.manifest) return;
  const packages = new Map(ctx.manifest.packages.map((p) => [p.code, p]));
  for (const { index, raw } of ctx.subscriptions) {
    const pointer = `/subscriptions/${index}/package`;
    const pkg = packages.get(raw.package);
    if (!pkg && ctx.otherPackages?.packages.some((p) => p.code === raw.package)) {
      ctx.report(SIMULATE_CODES.onlyInOld, pointer, `package \`${raw.package}\` is only in the --against packages: this subscription stays on them in both runs`, {
        severity: 'info',
      });
    } else if (!pkg) {
      ctx.report(SIMULATE_CODES.unknownPackage, pointer, `unknown package \`${raw.package}\``, {
        hint: didYouMean(raw.package, packages.keys()) ?? `known packages: ${[...packages.keys()].join(', ') || 'none'}`,
      });
    } else if (pkg.retired || pkg.status !== 'active') {
      const why = pkg.retired ? 'retired' : `${pkg.status}`;
      ctx.report(SIMULATE_CODES.notSubscribable, pointer, `package \`${raw.package}\` is ${why}: this subscription will be rejected (not_subscribable)`, {
        severity: 'info',
      });
    }
  }
};

/** Seats lie within the package's `min_seats`..`max_seats` (docs/revenue.md). */
const seatsInBounds: ScenarioRule = (ctx) => {
  if (!ctx.manifest) return;
  const packages = new Map([...(ctx.otherPackages?.packages ?? []), ...ctx.manifest.packages].map((p) => [p.code, p]));
  for (const { index, raw } of ctx.subscriptions) {
    const pkg = packages.get(raw.package);
    if (pkg === undefined || raw.seats === undefined) continue;
    const min = pkg.min_seats ?? 1;
    const max = pkg.max_seats ?? Infinity;
    if (raw.seats >= min && raw.seats <= max) continue;
    const bounds = max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    ctx.report(SIMULATE_CODES.seatsOutOfBounds, `/subscriptions/${index}/seats`, `${raw.seats} seat${raw.seats === 1 ? '' : 's'} is outside what \`${raw.package}\` sells: ${bounds}`, {
      hint: `write a number of seats from ${min}${max === Infinity ? ' up' : ` to ${max}`}, or leave \`seats\` out for ${min}`,
    });
  }
};

/** Override values name features of the catalog. */
const knownFeatures: ScenarioRule = (ctx) => {
  if (!ctx.manifest) return;
  const codes = new Set(ctx.manifest.catalog.features.map((f) => f.code));
  const check = (pointer: string, values: Record<string, unknown> | undefined): void => {
    for (const code of Object.keys(values ?? {})) {
      if (codes.has(code)) continue;
      ctx.report(SIMULATE_CODES.unknownFeature, `${pointer}/${pointerSegment(code)}`, `unknown feature \`${code}\``, {
        target: 'key',
        hint: didYouMean(code, codes) ?? 'use a feature code from the catalog',
      });
    }
  };
  for (const { index, raw } of ctx.subscriptions) {
    const base = `/subscriptions/${index}`;
    check(`${base}/features`, raw.features);
    for (const level of ['accounts', 'rooms'] as const) {
      for (const [owner, values] of Object.entries(raw[level] ?? {})) check(`${base}/${level}/${pointerSegment(owner)}`, values);
    }
  }
};

/** Every rule, in the order their diagnostics read best. */
export const SCENARIO_RULES: readonly ScenarioRule[] = [realInstants, uniqueIds, termAfterStart, knownPackages, seatsInBounds, knownFeatures];
