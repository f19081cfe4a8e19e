// The compile stage (SPEC §6): reconcile the lockfile, resolve packages, emit the manifest.
export * from './build.js';
export * from './codes.js';
export * from './compile.js';
export * from './emit/json.js';
export * from './emit/typescript.js';
export * from './emit/write.js';
export * from './explain.js';
export * from './in-memory.js';
export * from './lockfile/advisory-lock.js';
export * from './lockfile/mint.js';
export * from './lockfile/plan.js';
export * from './lockfile/read.js';
export * from './lockfile/serialize.js';
export * from './manifest.js';
export * from './resolve/catalog.js';
export * from './resolve/origin.js';
export * from './resolve/package.js';
