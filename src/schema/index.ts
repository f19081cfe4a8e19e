// The schema stage: ajv compiled once per process, errors collapsed and located.
export * from './ajv.js';
export * from './codes.js';
export * from './collapse.js';
export * from './validate.js';
