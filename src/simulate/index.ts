// The simulate stage (SPEC §8): scenarios, event streams and reports around the evaluator.
export { SIMULATE_CODES } from './codes.js';
export { DecisionsWriter, decisionLine } from './decisions-file.js';
export { EVENT_FORMS, fromCloudEvent, type EventForm } from './event-form.js';
export { nextDayStart, parseScenarioInstant } from './instant.js';
export { loadScenario, type ScenarioLoad, type ScenarioLoadOptions } from './load-scenario.js';
export { forEachLine, readTextChunks, MAX_LINE_LENGTH, type LineHandler } from './ndjson.js';
export { runScenario, type RunOptions, type RunResult } from './run.js';
export type { EventSource, Scenario } from './scenario.js';
export { formatTable, groupDigits, type TableOptions } from './table.js';
