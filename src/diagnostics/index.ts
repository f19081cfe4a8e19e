// The diagnostics stage: model, registry, suggestions, errors and formatters.
export * from './collector.js';
export * from './diagnostic.js';
export * from './docs.js';
export * from './errors.js';
export * from './format/index.js';
export * from './registry.js';
export * from './severity-overrides.js';
export * from './suggest.js';
export * from './url.js';
