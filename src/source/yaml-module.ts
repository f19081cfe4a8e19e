// The `yaml` package, loaded on first use: the full parser (parse.ts) and its helpers share one copy.
import { createRequire } from 'node:module';

/**
 * The `yaml` package, loaded on first use: it costs ~25 ms of every start, and a run whose files
 * all take the js-yaml fast path (fast.ts) without a diagnostic never needs it.
 */
let yamlModule: typeof import('yaml') | undefined;
export function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
