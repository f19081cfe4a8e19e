// The source stage: find files, read them safely, parse YAML keeping positions.
export * from './codes.js';
export * from './depth.js';
export * from './discover.js';
export * from './fast.js';
export * from './parse.js';
export * from './position.js';
export * from './read.js';
