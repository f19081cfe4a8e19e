// The workflow stage: git hook, staged reads, editor schemas and repository scaffolding (docs/workflow.md).
export * from './codes.js';
export * from './editor-schema.js';
export * from './git.js';
export * from './hook.js';
export * from './hook-script.js';
export * from './init.js';
export * from './locked.js';
export * from './scaffold.js';
export * from './staged.js';
export * from './staged-lockfile.js';
