// What the evaluator knows about one `external_subscription_id` before looking the subscription
// up: checks 2 and 3 of docs/simulation.md#what-each-event-gets run for every id, known or not.

/** The events seen so far for one `external_subscription_id`. */
export class Stream<S> {
  /** Latest instant of an event that got past checks 1–3 (check 3); -Infinity before the first. */
  latest = -Infinity;

  /**
   * @param index small integer naming the stream in the dedupe memory
   * @param subscription what the evaluator knows about this id; null for an unknown id
   */
  constructor(
    readonly index: number,
    readonly subscription: S | null,
  ) {}
}
