// The check stage: semantic rules over schema-checked packages.
export * from './context.js';
export * from './repo.js';
export * from './run.js';
export * from './sanitize.js';
export { PACKAGE_RULES, REPO_RULES, RULE_CODES } from './rules/index.js';
