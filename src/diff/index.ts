// The diff stage: the semantic difference between two manifests (docs/diff.md), its formats, its inputs.
export { diffManifests, type DiffLabels } from './diff.js';
export { BREAKING_RULES, isBreaking } from './classify.js';
export { describeChange, type ChangeDescription } from './describe.js';
export {
  DIFF_FORMAT_NAMES,
  DIFF_JSON_FORMAT_VERSION,
  formatDiff,
  formatJsonDiff,
  formatMarkdownDiff,
  formatPrettyDiff,
  pickDiffFormat,
  toDiffJsonReport,
  type DiffFormatName,
  type DiffJsonReport,
} from './format/index.js';
export { readDiffInput, type DiffInput, type DiffInputKind } from './input.js';
export * from './model.js';
