import { describe, expect, it } from 'vitest';
import {
  FORMAT_NAMES,
  UnknownFormatError,
  formatDiagnostics,
  formatGithub,
  formatJson,
  formatPretty,
  formatSarif,
  pickFormat,
  type FormatOptions,
} from '../../src/diagnostics/format/index.js';
import { UsageError } from '../../src/diagnostics/errors.js';
import { DIAGNOSTICS, STATS, lookupCode, readSource } from './fixtures.js';

const options: FormatOptions = { color: false, readSource, stats: STATS, toolVersion: '0.1.0', lookupCode };

describe('pickFormat', () => {
  it.each([
    [undefined, {}, 'pretty'],
    [undefined, { GITHUB_ACTIONS: 'true' }, 'github'],
    [undefined, { GITHUB_ACTIONS: 'false' }, 'pretty'],
    [undefined, { GITHUB_ACTIONS: '1' }, 'pretty'],
    ['json', { GITHUB_ACTIONS: 'true' }, 'json'],
    ['pretty', { GITHUB_ACTIONS: 'true' }, 'pretty'],
    ['sarif', {}, 'sarif'],
    ['github', {}, 'github'],
  ])('requested %j with %j → %s', (requested, env, expected) => {
    expect(pickFormat(requested, env)).toBe(expected);
  });

  it.each(['xml', '', 'JSON'])('rejects %j with the list of formats', (requested) => {
    expect(() => pickFormat(requested, {})).toThrow(UnknownFormatError);
    expect(() => pickFormat(requested, {})).toThrow(UsageError); // so the CLI exits with 2
    expect(() => pickFormat(requested, {})).toThrow('expected one of pretty, json, sarif, github');
  });
});

describe('formatDiagnostics', () => {
  const direct = {
    pretty: () => formatPretty(DIAGNOSTICS, options),
    json: () => formatJson(DIAGNOSTICS, options),
    sarif: () => formatSarif(DIAGNOSTICS, options),
    github: () => formatGithub(DIAGNOSTICS, options),
  };

  it.each(FORMAT_NAMES)('dispatches %s to its formatter', (name) => {
    expect(formatDiagnostics(name, DIAGNOSTICS, options)).toBe(direct[name]());
  });

  it('gives four different outputs', () => {
    expect(new Set(FORMAT_NAMES.map((name) => formatDiagnostics(name, DIAGNOSTICS, options))).size).toBe(4);
  });
});
