// The catalog stage: load and index the platform catalog.
export * from './codes.js';
export * from './hash.js';
export * from './load.js';
export * from './bundled.js';
export * from './model.js';
