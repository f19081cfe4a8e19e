// A scenario once loaded and checked (docs/simulation.md#running-a-scenario-svcpkg-simulate): everything the simulator needs to run it.
import type { Span } from '../diagnostics/diagnostic.js';
import type { EvaluatorManifest, Subscription } from '../evaluate/model.js';

/** Where a scenario's events come from. */
export type EventSource =
  /** An NDJSON file (gzip when its name ends in `.gz`). */
  | {
      /** Discriminant. */
      kind: 'file';
      /** Absolute path. */
      path: string;
      /** Path as shown to people. */
      display: string;
    }
  /** Events written in the scenario itself. */
  | {
      /** Discriminant. */
      kind: 'inline';
      /** The events, as parsed from YAML. */
      events: readonly unknown[];
    };

/** A checked scenario, ready to run. */
export interface Scenario {
  /** The scenario file as shown to people. */
  file: string;
  /** The packages to evaluate against. */
  manifest: EvaluatorManifest;
  /** Where they come from, as shown to people: the scenario's `manifest` or `packages` path. */
  packagesDisplay: string;
  /** The compiled manifest's absolute path, when the scenario names one (`manifest:`). */
  manifestFile?: string;
  /** The subscriptions, with instants resolved to epoch milliseconds. */
  subscriptions: Subscription[];
  /** The scenario end (exclusive, ms) when it gives one; otherwise the day after the last event. */
  end: number | undefined;
  /** Where `end` is written, for diagnostics about it. */
  endSpan: Span | undefined;
  /** The events to replay. */
  events: EventSource;
}
