// The watch stage: rebuild on every save (SPEC §7). `PackageWatcher` is usable in-process; the CLI wraps it.
export * from './debounce.js';
export * from './emit.js';
export * from './engine.js';
export * from './sources.js';
export * from './status.js';
export * from './targets.js';
