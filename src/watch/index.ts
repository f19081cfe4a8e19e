// The watch stage: rebuild on every save (docs/workflow.md#svcpkg-watch). `PackageWatcher` is usable in-process; the CLI wraps it.
export * from './debounce.js';
export * from './emit.js';
export * from './engine.js';
export * from './sources.js';
export * from './status.js';
export * from './targets.js';
