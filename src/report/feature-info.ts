// Names, units and chart kinds of a manifest's features, for the HTML report's headings and axes.
import type { EvaluatorManifest } from '../evaluate/index.js';
import { featureKinds } from '../simulate/usage-history.js';
import type { FeatureInfo } from './model.js';

/** The catalog fields the report shows, beyond what the evaluator reads. */
interface NamedFeature {
  code: string;
  name?: unknown;
  feature_settings: { unit?: unknown };
}

/** What the page says about each feature of a manifest (catalog first, then package-only codes). */
export function featureInfos(manifest: EvaluatorManifest): Map<string, FeatureInfo> {
  const kinds = featureKinds(manifest);
  const infos = new Map<string, FeatureInfo>();
  const note = (f: NamedFeature): void => {
    if (infos.has(f.code)) return;
    const info: FeatureInfo = {};
    if (typeof f.name === 'string') info.name = f.name;
    if (typeof f.feature_settings.unit === 'string') info.unit = f.feature_settings.unit;
    const kind = kinds.get(f.code);
    if (kind !== undefined) info.kind = kind;
    infos.set(f.code, info);
  };
  for (const f of manifest.catalog.features) note(f as NamedFeature);
  for (const pkg of manifest.packages) for (const [code, f] of Object.entries(pkg.features)) note({ ...(f as object), code } as NamedFeature);
  return infos;
}
