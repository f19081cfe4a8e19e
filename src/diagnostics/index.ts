// The diagnostics stage: model, registry, formatters.
export * from './diagnostic.js';
export * from './registry.js';
export * from './suggest.js';
