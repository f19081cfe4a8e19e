// One representative pair of manifests, shared by the format and determinism tests.
import type { DiffManifest } from '../../src/diff/model.js';
import { basePackage, feature, manifest, overage, toggle, withFeatures } from './fixtures.js';

/** Before: a standard and a premium meet package and an old webinar package. */
export const BEFORE: DiffManifest = manifest([
  withFeatures({ max_rooms: feature('max_rooms', 10, { overage: overage({ price: 0.5 }) }), max_storage: feature('max_storage', false, { unit: 'GB' }) }),
  basePackage({ code: 'meet-premium', id: 'id00000000000002', name: 'Premium', tier: 2, price: 25 }),
  basePackage({ code: 'webinar-old', id: 'id00000000000003', name: 'Old webinars', service_type: 'webinar', status: 'inactive', providers: [], features: {} }),
]);

/**
 * After: standard dearer, smaller, with dearer room overage; premium renamed, bigger and sold per
 * seat; webinar gone; a team package new.
 */
export const AFTER: DiffManifest = manifest(
  [
    withFeatures(
      {
        max_rooms: feature('max_rooms', 5, { overage: overage({ model: 'graduated', tiers: [{ up_to: 10, price: 0.5 }, { up_to: null, price: 0.75 }] }) }),
        max_storage: feature('max_storage', 50, { unit: 'GB' }),
        recording: toggle('recording', false),
      },
      { price: 12.5, description: 'For small | teams <b>' },
    ),
    withFeatures(
      { max_participants: feature('max_participants', true, { consumable: false }) },
      {
        code: 'meet-pro',
        previous_code: 'meet-premium',
        id: 'id00000000000002',
        name: 'Premium',
        tier: 2,
        price: 9,
        price_per: 'seat',
        min_seats: 3,
        grace_period: 14,
        providers: [
          { type: 'bbb', name: null, default: false, settings: {} },
          { type: 'scalelite', name: 'eu', default: true, settings: {} },
        ],
      },
    ),
    basePackage({ code: 'meet-team', id: 'id00000000000004', name: 'Team', tier: 3, price: 40 }),
  ],
  'catalog-2',
);
