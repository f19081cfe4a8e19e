// Changes to a package's providers: attached, detached, settings, and which one is the default.
import { change } from './classify.js';
import { sameValue, toDiffValue } from './json-value.js';
import type { Change, DiffPackage, DiffProvider, DiffValue } from './model.js';
import { compareCodes } from './order.js';

/**
 * Providers by identity: `type`, or `type:name` for a named instance. Two entries with the same
 * identity (allowed, if odd) are told apart by position: `bbb#2`.
 */
function byIdentity(providers: readonly DiffProvider[]): Map<string, DiffProvider> {
  const out = new Map<string, DiffProvider>();
  for (const provider of providers) {
    const base = provider.name ? `${provider.type}:${provider.name}` : provider.type;
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
    out.set(key, provider);
  }
  return out;
}

/** A provider entry as change data. */
function providerValue(provider: DiffProvider): DiffValue {
  return toDiffValue({ type: provider.type, name: provider.name ?? null, default: provider.default, settings: provider.settings ?? {} });
}

/** The identity of the default provider, or null when there is none. */
function defaultOf(providers: ReadonlyMap<string, DiffProvider>): string | null {
  for (const [key, provider] of providers) if (provider.default) return key;
  return null;
}

/** Changes of the attached providers, by identity, then a change of the default. */
export function providerChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const before = byIdentity(o.providers);
  const after = byIdentity(n.providers);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compareCodes);
  const changes: Change[] = [];
  for (const key of keys) {
    const was = before.get(key);
    const is = after.get(key);
    const path = `providers.${key}`;
    if (!was && is) changes.push(change('provider_added', 'added', path, null, providerValue(is)));
    else if (was && !is) changes.push(change('provider_removed', 'removed', path, providerValue(was), null));
    else if (was && is && !sameValue(was.settings ?? {}, is.settings ?? {})) {
      changes.push(change('provider_settings_changed', 'changed', `${path}.settings`, toDiffValue(was.settings ?? {}), toDiffValue(is.settings ?? {})));
    }
  }
  const oldDefault = defaultOf(before);
  const newDefault = defaultOf(after);
  if (oldDefault !== newDefault && oldDefault !== null && newDefault !== null) {
    changes.push(change('provider_default_changed', 'changed', 'providers.default', oldDefault, newDefault));
  }
  return changes;
}
