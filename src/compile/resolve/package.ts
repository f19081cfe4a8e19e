// One package fully resolved (docs/compile.md#the-manifest): every seed property present, defaults filled from the
// package schema, ids from the lockfile, providers and features resolved — with each value's origin.
import type { Catalog } from '../../catalog/model.js';
import type { ResolvedPackage } from '../../generated/manifest.js';
import type { ServicePackage } from '../../generated/service-package.js';
import type { PackageIds } from '../lockfile/mint.js';
import { ID_KINDS } from '../lockfile/plan.js';
import { sortKeysDeep } from '../sort-keys.js';
import { packageDefaults, type DefaultedProperty, type PackageDefaults } from './defaults.js';
import { resolveFeatures } from './features.js';
import { resolveNotifications } from './notifications.js';
import { Origins, type OriginNote } from './origin.js';
import type { ResolveProblem } from './problem.js';
import { resolveProviders } from './providers.js';

/** The ids of a package and how they were obtained. */
export interface AssignedIds extends PackageIds {
  /** The origin shown for ids not pinned in the YAML (e.g. "minted by this compile"). */
  readonly note?: string;
}

/** A resolved package with the origin of each of its values. */
export interface PackageResolution {
  /** The package; present unless there were problems. */
  resolved?: ResolvedPackage;
  /** Origins by JSON pointer into `resolved`. */
  origins: Origins;
  /** References that could not be resolved. */
  problems: ResolveProblem[];
}

/** Properties that are optional and have no default: null when not written. */
const NULLABLE = ['description', 'short_description', 'tier', 'max_seats', 'currency', 'stock_qty'] as const;

/** Resolve a schema-valid package against the catalog with its ids; origins are recorded only with `options.origins`. */
export function resolvePackage(pkg: ServicePackage, ids: AssignedIds, catalog: Catalog, options: { origins?: boolean } = {}): PackageResolution {
  const origins = new Origins(options.origins === true);
  const problems: ResolveProblem[] = [];
  const defaults = packageDefaults();
  const written = (name: keyof ServicePackage) => Object.prototype.hasOwnProperty.call(pkg, name) && pkg[name] !== undefined;

  const take = <K extends DefaultedProperty>(name: K): PackageDefaults[K] => {
    if (written(name)) {
      origins.set(`/${name}`, 'package');
      return pkg[name] as PackageDefaults[K];
    }
    origins.set(`/${name}`, 'schema');
    return structuredClone(defaults[name]);
  };
  const optional = <K extends (typeof NULLABLE)[number]>(name: K): NonNullable<ServicePackage[K]> | null => {
    if (written(name)) {
      origins.set(`/${name}`, 'package');
      return pkg[name] as NonNullable<ServicePackage[K]>;
    }
    origins.set(`/${name}`, 'schema', 'not set');
    return null;
  };
  for (const name of ['code', 'name', 'service_type', 'previous_code'] as const) origins.set(`/${name}`, 'package');
  for (const kind of ID_KINDS) {
    const note: OriginNote = written(kind) ? { origin: 'package', note: 'pinned in the YAML' } : { origin: 'lockfile', ...(ids.note ? { note: ids.note } : {}) };
    origins.set(`/${kind}`, note.origin, note.note);
  }

  const resolved: ResolvedPackage = {
    code: pkg.code,
    id: ids.id,
    uuid: ids.uuid,
    ulid: ids.ulid,
    name: pkg.name,
    service_type: pkg.service_type,
    status: take('status'),
    hidden: take('hidden'),
    retired: take('retired'),
    description: optional('description'),
    short_description: optional('short_description'),
    tier: optional('tier'),
    price: take('price'),
    price_per: take('price_per'),
    min_seats: take('min_seats'),
    max_seats: optional('max_seats'),
    signup_fee: take('signup_fee'),
    currency: optional('currency'),
    periodicity: take('periodicity'),
    periodicity_type: take('periodicity_type'),
    trial_period: take('trial_period'),
    trial_interval: take('trial_interval'),
    trial_mode: take('trial_mode'),
    grace_period: take('grace_period'),
    grace_interval: take('grace_interval'),
    has_stock: take('has_stock'),
    stock_qty: optional('stock_qty'),
    oversell_enabled: take('oversell_enabled'),
    overages_enabled: take('overages_enabled'),
    providers: resolveProviders(take('providers'), catalog, origins, problems),
    features: resolveFeatures(take('features'), catalog, origins, problems),
    notification_preferences: resolveNotifications(take('notification_preferences'), origins),
    package_settings: sortKeysDeep(take('package_settings')),
    package_metadata: sortKeysDeep(take('package_metadata')),
    ...(pkg.previous_code !== undefined ? { previous_code: pkg.previous_code } : {}),
  };
  return problems.length > 0 ? { origins, problems } : { resolved, origins, problems };
}
