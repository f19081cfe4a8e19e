// The configuration stage: svcpkg.config.yaml merged with command-line flags.
export * from './codes.js';
export * from './load.js';
export * from './severity.js';
