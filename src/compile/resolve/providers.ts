// A package's providers: alias resolved to the canonical type, and exactly one default (docs/packages.md#providers).
import type { Catalog } from '../../catalog/model.js';
import type { ResolvedProvider } from '../../generated/manifest.js';
import type { ProviderAttachment } from '../../generated/service-package.js';
import { sortKeysDeep } from '../sort-keys.js';
import type { Origins } from './origin.js';
import type { ResolveProblem } from './problem.js';

/** Resolve `providers` as written, recording origins under `/providers`. */
export function resolveProviders(
  written: readonly ProviderAttachment[],
  catalog: Catalog,
  origins: Origins,
  problems: ResolveProblem[],
): ResolvedProvider[] {
  // The checks guarantee one `default: true`, or a single entry. Should they be bypassed, the first
  // marked entry (else the first entry) is the default, so the manifest still has exactly one.
  const marked = written.findIndex((p) => p.default === true);
  const defaultIndex = marked === -1 ? 0 : marked;
  return written.map((provider, i) => {
    const pointer = `/providers/${i}`;
    const type = catalog.providerTypeByCode.get(provider.type);
    if (!type) problems.push({ pointer: `${pointer}/type`, message: `the catalog has no provider type \`${provider.type}\`` });
    const canonical = type?.type ?? provider.type;
    origins.set(pointer, 'package');
    if (canonical !== provider.type) origins.set(`${pointer}/type`, 'package', `written \`${provider.type}\`, an alias of \`${canonical}\``);
    if (provider.name === undefined) origins.set(`${pointer}/name`, 'schema', 'not set');
    if (provider.default === undefined) {
      origins.set(`${pointer}/default`, 'schema', i === defaultIndex ? (written.length === 1 ? 'the only provider is the default' : 'first entry') : 'another entry is the default');
    }
    if (provider.settings === undefined) origins.set(`${pointer}/settings`, 'schema', 'no settings');
    return {
      type: canonical,
      name: provider.name ?? null,
      default: i === defaultIndex,
      settings: sortKeysDeep(provider.settings ?? {}),
    };
  });
}
