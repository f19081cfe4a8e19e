// Check 5 of docs/simulation.md#what-each-event-gets, the payload: what an event of a known
// feature adds or removes, and the account and room values that apply to it. Events come from
// untrusted JSON, so every property is checked for its type here.
import { roundAmount } from './bucket.js';
import { MAX, SUM, UNIQUE, type FeatureRule } from './feature-rule.js';
import type { FeaturePlan } from './overrides.js';

/** Properties of an event that has none. */
const NO_PROPERTIES: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** An id-like property value (use key, account, room, unique identity) as a string, or undefined. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** A decimal number written as a JSON string (Lago sends amounts as strings too). */
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A non-negative amount rounded to 6 decimals, or NaN when missing, non-numeric, negative or not
 * finite — `1e308` is finite, but not once rounded (it is scaled to micro-units first).
 */
function amountOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n < Infinity)) return NaN;
  const rounded = roundAmount(n);
  return Number.isFinite(rounded) ? rounded : NaN;
}

/** The payload of the event being decided; one per evaluator, refilled by `read` for each event. */
export class Payload {
  /** `operation_type: remove`. */
  removing = false;
  /** The amount added or removed (1 for count and unique). */
  amount = 1;
  /** The identity of a unique_count_agg event ('' otherwise). */
  identity = '';
  /** The event's account when it has a value of its own; undefined otherwise. */
  account: string | undefined = undefined;
  /** The event's room when it has a value of its own; undefined otherwise. */
  room: string | undefined = undefined;
  /** The account's value (Infinity when none applies). */
  accountLimit = Infinity;
  /** The room's value (Infinity when none applies). */
  roomLimit = Infinity;

  /**
   * Read an event's `properties` for `rule` under `plan`: the properties as an object (an empty one
   * when the event has none), or null when the payload is malformed. (They are returned rather
   * than kept here: storing each event's young object into this long-lived one would cost a
   * write barrier per event.)
   */
  read(rule: FeatureRule, plan: FeaturePlan, raw: unknown): Record<string, unknown> | null {
    let properties: Record<string, unknown>;
    if (raw === undefined || raw === null) properties = NO_PROPERTIES;
    else if (typeof raw === 'object' && !Array.isArray(raw)) properties = raw as Record<string, unknown>;
    else return null;
    const operation = properties.operation_type;
    let removing = false;
    if (operation !== undefined && operation !== 'add') {
      if (operation !== 'remove') return null;
      removing = true;
    }
    this.removing = removing;
    const aggregation = rule.aggregation;
    let amount = 1;
    let identity = '';
    if (aggregation === SUM || aggregation === MAX) {
      amount = rule.field === undefined ? NaN : amountOf(properties[rule.field]);
      if (amount !== amount || (removing && aggregation === MAX)) return null;
    } else if (aggregation === UNIQUE) {
      const id = rule.field === undefined ? undefined : idOf(properties[rule.field]);
      if (id === undefined) return null;
      identity = id;
    }
    this.amount = amount;
    this.identity = identity;

    // The account and room values that apply to this event, if any.
    let account: string | undefined;
    let room: string | undefined;
    this.accountLimit = Infinity;
    this.roomLimit = Infinity;
    if (plan.accounts !== null) {
      account = idOf(properties.account);
      const limit = account === undefined ? undefined : plan.accounts.get(account);
      if (limit === undefined) account = undefined;
      else this.accountLimit = limit;
    }
    if (plan.rooms !== null) {
      room = idOf(properties.room);
      const limit = room === undefined ? undefined : plan.rooms.get(room);
      if (limit === undefined) room = undefined;
      else this.roomLimit = limit;
    }
    this.account = account;
    this.room = room;
    return properties;
  }
}
