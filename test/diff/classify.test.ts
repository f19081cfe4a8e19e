// Every kind of change, breaking or not: one row per classification (docs/diff.md's table).
import { describe, expect, it } from 'vitest';
import { diffManifests } from '../../src/diff/diff.js';
import { CHANGE_KINDS, type ChangeKind, type DiffPackage } from '../../src/diff/model.js';
import { basePackage as base, feature, manifest, overage, toggle, withFeatures } from './fixtures.js';

interface Row {
  /** What the row shows. */
  name: string;
  /** The packages before (default: the base package). */
  old?: DiffPackage[];
  /** The packages after. */
  new: DiffPackage[];
  /** Expected changes: kind, breaking, and optionally the path. */
  expect: [kind: ChangeKind, breaking: boolean, path?: string][];
}

const P = base;
const F = withFeatures;

const ROWS: Row[] = [
  // the package as a whole
  { name: 'package added', old: [], new: [P()], expect: [['package_added', false, 'code']] },
  { name: 'package removed', new: [], expect: [['package_removed', true, 'code']] },
  { name: 'renamed via previous_code', new: [P({ code: 'meet-plus', previous_code: 'meet-standard', id: 'other' })], expect: [['package_renamed', false]] },
  { name: 'renamed via the same id', new: [P({ code: 'meet-plus' })], expect: [['package_renamed', false]] },
  { name: 'renamed with a lowered limit', new: [F({ max_rooms: feature('max_rooms', 5) }, { code: 'meet-plus' })], expect: [['package_renamed', false], ['limit_lowered', true]] },
  { name: 'different code and id: removed and added', new: [P({ code: 'meet-plus', id: 'other' })], expect: [['package_added', false], ['package_removed', true]] },
  // descriptive
  { name: 'name changed', new: [P({ name: 'Standard 2' })], expect: [['name_changed', false, 'name']] },
  { name: 'description added', new: [P({ description: 'For teams' })], expect: [['description_changed', false, 'description']] },
  { name: 'short description changed', new: [P({ short_description: 'Teams' })], expect: [['description_changed', false, 'short_description']] },
  { name: 'service type changed', new: [P({ service_type: 'webinar' })], expect: [['service_type_changed', true]] },
  { name: 'tier changed', new: [P({ tier: 2 })], expect: [['tier_changed', false]] },
  { name: 'tier removed', new: [P({ tier: null })], expect: [['tier_changed', false]] },
  // availability
  { name: 'active → inactive', new: [P({ status: 'inactive' })], expect: [['status_changed', true]] },
  { name: 'active → draft', new: [P({ status: 'draft' })], expect: [['status_changed', true]] },
  { name: 'draft → active', old: [P({ status: 'draft' })], new: [P()], expect: [['status_changed', false]] },
  { name: 'inactive → active', old: [P({ status: 'inactive' })], new: [P()], expect: [['status_changed', false]] },
  { name: 'draft → inactive', old: [P({ status: 'draft' })], new: [P({ status: 'inactive' })], expect: [['status_changed', false]] },
  { name: 'retired', new: [P({ retired: true, hidden: true })], expect: [['hidden', false], ['retired', true]] },
  { name: 'unretired', old: [P({ retired: true })], new: [P()], expect: [['unretired', false]] },
  { name: 'unhidden', old: [P({ hidden: true })], new: [P()], expect: [['unhidden', false]] },
  // money
  { name: 'price raised', new: [P({ price: 12 })], expect: [['price_raised', true, 'price']] },
  { name: 'price lowered', new: [P({ price: 8 })], expect: [['price_lowered', false]] },
  { name: 'free package gets a price', old: [P({ price: 0, signup_fee: 0, currency: null })], new: [P({ price: 10, signup_fee: 0 })], expect: [['price_raised', true], ['currency_changed', false]] },
  { name: 'package becomes free', new: [P({ price: 0, signup_fee: 0, currency: null })], expect: [['price_lowered', false], ['signup_fee_lowered', false], ['currency_changed', false]] },
  { name: 'currency switched', new: [P({ currency: 'USD', price: 11 })], expect: [['price_changed', false], ['currency_changed', true]] },
  { name: 'same price, other cycle', new: [P({ periodicity: 3 })], expect: [['billing_cycle_changed', true, 'periodicity']] },
  { name: 'yearly and cheaper per day', new: [P({ price: 100, periodicity_type: 'year' })], expect: [['price_lowered', false], ['billing_cycle_changed', true]] },
  { name: 'yearly and dearer per day', new: [P({ price: 130, periodicity_type: 'year' })], expect: [['price_raised', true], ['billing_cycle_changed', true]] },
  { name: 'signup fee raised', new: [P({ signup_fee: 9 })], expect: [['signup_fee_raised', false]] },
  { name: 'signup fee lowered', new: [P({ signup_fee: 1 })], expect: [['signup_fee_lowered', false]] },
  // seats (docs/revenue.md)
  { name: 'priced per seat', new: [P({ price_per: 'seat' })], expect: [['price_per_changed', true, 'price_per']] },
  { name: 'priced per seat at another price: the prices are not ordered', new: [P({ price_per: 'seat', price: 2 })], expect: [['price_changed', false], ['price_per_changed', true]] },
  { name: 'seat price raised', old: [P({ price_per: 'seat', price: 8 })], new: [P({ price_per: 'seat', price: 9 })], expect: [['price_raised', true, 'price']] },
  { name: 'seat price lowered', old: [P({ price_per: 'seat', price: 8 })], new: [P({ price_per: 'seat', price: 7 })], expect: [['price_lowered', false]] },
  { name: 'seat minimum raised', old: [P({ price_per: 'seat' })], new: [P({ price_per: 'seat', min_seats: 5 })], expect: [['min_seats_raised', true, 'min_seats']] },
  { name: 'seat minimum lowered', old: [P({ price_per: 'seat', min_seats: 5 })], new: [P({ price_per: 'seat', min_seats: 2 })], expect: [['min_seats_lowered', false]] },
  { name: 'seat maximum set', old: [P({ price_per: 'seat' })], new: [P({ price_per: 'seat', max_seats: 50 })], expect: [['max_seats_lowered', true, 'max_seats']] },
  { name: 'seat maximum removed', old: [P({ price_per: 'seat', max_seats: 50 })], new: [P({ price_per: 'seat', max_seats: null })], expect: [['max_seats_raised', false]] },
  { name: 'absent seat terms read as the defaults', old: [P({ price_per: 'package', min_seats: 1, max_seats: null })], new: [P()], expect: [] },
  { name: 'signup fee in another currency', new: [P({ currency: 'USD', signup_fee: 6 })], expect: [['signup_fee_changed', false], ['currency_changed', true]] },
  // lifecycle
  { name: 'trial lengthened', new: [P({ trial_period: 30 })], expect: [['trial_lengthened', false, 'trial_period']] },
  { name: 'trial shortened', new: [P({ trial_period: 7 })], expect: [['trial_shortened', false]] },
  { name: 'trial removed', new: [P({ trial_period: 0 })], expect: [['trial_shortened', false]] },
  { name: 'trial 14 days → 2 weeks', new: [P({ trial_period: 2, trial_interval: 'week' })], expect: [['trial_changed', false]] },
  { name: 'trial mode', new: [P({ trial_mode: 'inside' })], expect: [['trial_mode_changed', false]] },
  { name: 'grace lengthened', new: [P({ grace_period: 1, grace_interval: 'month' })], expect: [['grace_lengthened', false, 'grace_period']] },
  { name: 'grace shortened', new: [P({ grace_period: 3 })], expect: [['grace_shortened', true]] },
  { name: 'grace 7 days → 1 week', new: [P({ grace_period: 1, grace_interval: 'week' })], expect: [['grace_changed', false]] },
  { name: 'grace 12 months → 1 year', old: [P({ grace_period: 12, grace_interval: 'month' })], new: [P({ grace_period: 1, grace_interval: 'year' })], expect: [['grace_changed', false]] },
  // stock and overage
  { name: 'stock limited', new: [P({ has_stock: true, stock_qty: 100 })], expect: [['stock_limited', false, 'stock_qty']] },
  { name: 'stock unlimited', old: [P({ has_stock: true, stock_qty: 100 })], new: [P()], expect: [['stock_unlimited', false]] },
  { name: 'stock raised', old: [P({ has_stock: true, stock_qty: 100 })], new: [P({ has_stock: true, stock_qty: 200 })], expect: [['stock_raised', false]] },
  { name: 'stock lowered', old: [P({ has_stock: true, stock_qty: 100 })], new: [P({ has_stock: true, stock_qty: 50 })], expect: [['stock_lowered', false]] },
  { name: 'oversell enabled', new: [P({ oversell_enabled: true })], expect: [['oversell_enabled', false]] },
  { name: 'oversell disabled', old: [P({ oversell_enabled: true })], new: [P()], expect: [['oversell_disabled', false]] },
  { name: 'overages disabled', new: [P({ overages_enabled: false })], expect: [['overages_disabled', true]] },
  { name: 'overages enabled', old: [P({ overages_enabled: false })], new: [P()], expect: [['overages_enabled', false]] },
  // overage prices (docs/revenue.md)
  ...overageRows(),
  // features
  { name: 'limit feature added', new: [F({ max_accounts: feature('max_accounts', 3) })], expect: [['feature_added', false, 'features.max_accounts']] },
  { name: 'false → number is an addition', new: [F({ max_storage: feature('max_storage', 50, { unit: 'GB' }) })], expect: [['feature_added', false]] },
  { name: 'limit feature removed', new: [F({ max_rooms: undefined })], expect: [['feature_removed', true, 'features.max_rooms']] },
  { name: 'limit set to false counts as removed', new: [F({ max_rooms: feature('max_rooms', false) })], expect: [['feature_removed', true]] },
  { name: 'absent ↔ false is no change', new: [F({ max_storage: undefined, screen_sharing: undefined })], expect: [] },
  { name: 'limit raised', new: [F({ max_rooms: feature('max_rooms', 20) })], expect: [['limit_raised', false]] },
  { name: 'limit lowered', new: [F({ max_rooms: feature('max_rooms', 5) })], expect: [['limit_lowered', true]] },
  { name: 'limit to unlimited', new: [F({ max_rooms: feature('max_rooms', true) })], expect: [['limit_raised', false]] },
  { name: 'unlimited to a number', old: [F({ max_rooms: feature('max_rooms', true) })], new: [P()], expect: [['limit_lowered', true]] },
  { name: 'limit lowered to 0', new: [F({ max_rooms: feature('max_rooms', 0) })], expect: [['limit_lowered', true]] },
  { name: 'a number to seats is not ordered', new: [F({ max_rooms: feature('max_rooms', 'seats') })], expect: [['limit_changed', true]] },
  { name: 'seats to unlimited is not ordered either', old: [F({ max_rooms: feature('max_rooms', 'seats') })], new: [F({ max_rooms: feature('max_rooms', true) })], expect: [['limit_changed', true]] },
  { name: 'switch on', new: [F({ screen_sharing: toggle('screen_sharing', true) })], expect: [['switch_on', false, 'features.screen_sharing']] },
  { name: 'switch added on', new: [F({ public_chat: toggle('public_chat', true) })], expect: [['switch_on', false]] },
  { name: 'switch off', new: [F({ recording: toggle('recording', false) })], expect: [['switch_off', true]] },
  { name: 'switch removed while on', new: [F({ recording: undefined })], expect: [['switch_off', true]] },
  { name: 'value type changed by the catalog', new: [F({ recording: feature('recording', 5) })], expect: [['feature_redefined', true]] },
  { name: 'consumable resets less often', new: [F({ max_rooms: feature('max_rooms', 10, { periodicity_type: 'yearly' }) })], expect: [['reset_lengthened', true, 'features.max_rooms.reset']] },
  { name: 'consumable never resets', new: [F({ max_rooms: feature('max_rooms', 10, { periodicity: 0 }) })], expect: [['reset_lengthened', true]] },
  { name: 'consumable resets more often', new: [F({ max_rooms: feature('max_rooms', 10, { periodicity_type: 'daily' }) })], expect: [['reset_shortened', false]] },
  { name: 'consumable reset 1 yearly = 12 monthly', old: [F({ max_rooms: feature('max_rooms', 10, { periodicity_type: 'yearly' }) })], new: [F({ max_rooms: feature('max_rooms', 10, { periodicity: 12 }) })], expect: [['reset_changed', false]] },
  { name: 'non-consumable reset changed', new: [F({ max_participants: feature('max_participants', 50, { consumable: false, periodicity_type: 'yearly' }) })], expect: [['reset_changed', false]] },
  { name: 'limit raised and reset shortened', new: [F({ max_rooms: feature('max_rooms', 20, { periodicity_type: 'weekly' }) })], expect: [['limit_raised', false], ['reset_shortened', false]] },
  // providers
  { name: 'provider added', new: [P({ providers: [...P().providers, { type: 'scalelite', name: 'eu', default: false, settings: {} }] })], expect: [['provider_added', false, 'providers.scalelite:eu']] },
  { name: 'provider removed', old: [P({ providers: [...P().providers, { type: 'scalelite', name: null, default: false, settings: {} }] })], new: [P()], expect: [['provider_removed', true, 'providers.scalelite']] },
  {
    name: 'default provider moved to a new one',
    new: [P({ providers: [{ type: 'bbb', name: null, default: false, settings: {} }, { type: 'scalelite', name: null, default: true, settings: {} }] })],
    expect: [['provider_added', false], ['provider_default_changed', false, 'providers.default']],
  },
  { name: 'provider settings changed', new: [P({ providers: [{ type: 'bbb', name: null, default: true, settings: { region: 'us' } }] })], expect: [['provider_settings_changed', false, 'providers.bbb.settings']] },
  // free-form data
  { name: 'setting added', new: [P({ package_settings: { region: 'eu', sso: true } })], expect: [['setting_added', false, 'package_settings.sso']] },
  { name: 'setting removed', new: [P({ package_settings: {} })], expect: [['setting_removed', false, 'package_settings.region']] },
  { name: 'setting changed', new: [P({ package_settings: { region: 'us' } })], expect: [['setting_changed', false]] },
  { name: 'metadata added', new: [P({ package_metadata: { crm: { id: 7 } } })], expect: [['metadata_added', false, 'package_metadata.crm']] },
  { name: 'metadata removed', old: [P({ package_metadata: { crm: 'x' } })], new: [P()], expect: [['metadata_removed', false]] },
  { name: 'metadata changed (nested)', old: [P({ package_metadata: { crm: { id: 7 } } })], new: [P({ package_metadata: { crm: { id: 8 } } })], expect: [['metadata_changed', false]] },
  { name: 'metadata key order is no change', old: [P({ package_metadata: { crm: { a: 1, b: 2 } } })], new: [P({ package_metadata: { crm: { b: 2, a: 1 } } })], expect: [] },
  { name: 'notifications changed', new: [P({ notification_preferences: [{ event: 'trial_ending', channels: ['email'] }] })], expect: [['notifications_changed', false]] },
];

/** Rows that change only the overage price of `max_rooms` (10 rooms, overages enabled). */
function overageRows(): Row[] {
  const priced = (price: ReturnType<typeof overage> | null) => F({ max_rooms: feature('max_rooms', 10, { overage: price }) });
  const unit = (price: number) => overage({ price });
  const tiers = (model: 'graduated' | 'volume', ...list: [number | null, number][]) => overage({ model, tiers: list.map(([up_to, price]) => ({ up_to, price })) });
  return [
    { name: 'overage priced where it was free', new: [priced(unit(0.5))], expect: [['overage_price_raised', true, 'features.max_rooms.overage']] },
    { name: 'overage price removed', old: [priced(unit(0.5))], new: [P()], expect: [['overage_price_lowered', false]] },
    { name: 'per-unit overage raised', old: [priced(unit(0.5))], new: [priced(unit(0.6))], expect: [['overage_price_raised', true]] },
    { name: 'per-unit overage lowered', old: [priced(unit(0.5))], new: [priced(unit(0.4999))], expect: [['overage_price_lowered', false]] },
    { name: 'a larger block at the same price is cheaper', old: [priced(overage({ model: 'package', price: 5, per: 50 }))], new: [priced(overage({ model: 'package', price: 5, per: 60 }))], expect: [['overage_price_lowered', false]] },
    { name: 'per unit → blocks: dearer for a few units, cheaper for many', old: [priced(unit(0.5))], new: [priced(overage({ model: 'package', price: 5, per: 20 }))], expect: [['overage_price_changed', true]] },
    { name: 'the same charges written as one open graduated tier', old: [priced(unit(1))], new: [priced(tiers('graduated', [null, 1]))], expect: [['overage_price_changed', false]] },
    { name: 'a graduated tier bound moved up keeps more units at the higher first price', old: [priced(tiers('graduated', [100, 0.02], [null, 0.01]))], new: [priced(tiers('graduated', [200, 0.02], [null, 0.01]))], expect: [['overage_price_raised', true]] },
    { name: 'graduated → volume at the same tiers costs no more, and less past the first tier', old: [priced(tiers('graduated', [10, 1], [null, 0.5]))], new: [priced(tiers('volume', [10, 1], [null, 0.5]))], expect: [['overage_price_lowered', false]] },
    { name: 'a volume price that is cheaper only in the long run', old: [priced(unit(0.8))], new: [priced(tiers('volume', [1000, 0.9], [null, 0.5]))], expect: [['overage_price_changed', true]] },
  ];
}

function changesOf(row: Row): [ChangeKind, boolean, string][] {
  const diff = diffManifests(manifest(row.old ?? [P()]), manifest(row.new));
  return diff.packages.flatMap((p) => p.changes.map((c): [ChangeKind, boolean, string] => [c.kind, c.breaking, c.path]));
}

describe('diffManifests classifies every kind of change', () => {
  it.each(ROWS)('$name', (row) => {
    const actual = changesOf(row);
    expect(actual.map(([kind, breaking]) => [kind, breaking])).toEqual(row.expect.map(([kind, breaking]) => [kind, breaking]));
    row.expect.forEach(([, , path], i) => {
      if (path !== undefined) expect(actual[i]?.[2]).toBe(path);
    });
  });

  it('has a row for every kind of change', () => {
    const covered = new Set(ROWS.flatMap((r) => r.expect.map(([kind]) => kind)));
    expect(CHANGE_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('reports nothing for identical manifests', () => {
    const diff = diffManifests(manifest([P()]), manifest([P()]));
    expect(diff.packages).toEqual([]);
    expect(diff.summary).toEqual({ breaking: 0, changes: 0 });
    expect(diff.catalog_changed).toBe(false);
  });

  it('marks a package breaking when any of its changes is, and counts the totals', () => {
    const diff = diffManifests(manifest([P()]), manifest([F({ max_rooms: feature('max_rooms', 5) }, { price: 8 })]));
    expect(diff.packages[0]).toMatchObject({ code: 'meet-standard', status: 'changed', breaking: true });
    expect(diff.summary).toEqual({ breaking: 1, changes: 2 });
  });

  it('keeps the old code of a renamed package and notices a catalog change', () => {
    const diff = diffManifests(manifest([P()]), manifest([P({ code: 'meet-plus', previous_code: 'meet-standard' })], 'catalog-2'), { old: 'HEAD~1', new: 'HEAD' });
    expect(diff.packages[0]).toMatchObject({ code: 'meet-plus', old_code: 'meet-standard', status: 'renamed', breaking: false });
    expect(diff.catalog_changed).toBe(true);
    expect(diff.old).toEqual({ label: 'HEAD~1', inputs_hash: 'inputs-1', catalog_hash: 'catalog-1' });
  });

  it('carries units of limits and money', () => {
    const diff = diffManifests(manifest([P()]), manifest([F({ max_storage: feature('max_storage', 50, { unit: 'GB' }) }, { price: 12 })]));
    const [price, storage] = diff.packages[0]?.changes ?? [];
    expect(price).toMatchObject({ kind: 'price_raised', old: 10, new: 12, unit: 'EUR' });
    expect(storage).toMatchObject({ kind: 'feature_added', action: 'added', old: null, new: 50, unit: 'GB' });
  });
});
