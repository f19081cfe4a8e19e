import { describe, expect, it } from 'vitest';
import { formatSarif, toSarifLog, type SarifOptions } from '../../src/diagnostics/format/sarif.js';
import { CODES, DIAGNOSTICS, diagnostic, lookupCode } from './fixtures.js';

const options: SarifOptions = { toolVersion: '0.1.0', lookupCode };
const run = (diagnostics = DIAGNOSTICS, opts = options) => toSarifLog(diagnostics, opts).runs[0];

describe('formatSarif', () => {
  it('matches the golden output for the fixture diagnostics', async () => {
    await expect(formatSarif(DIAGNOSTICS, options)).toMatchFileSnapshot('./__snapshots__/diagnostics.sarif');
  });

  it('matches the golden output for an empty list', async () => {
    await expect(formatSarif([], options)).toMatchFileSnapshot('./__snapshots__/empty.sarif');
  });

  it('writes one SARIF 2.1.0 run by svcpkg', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, options));
    expect(Object.keys(log)).toEqual(['$schema', 'version', 'runs']);
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('svcpkg');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  it('declares one rule per code used, sorted, described from the registry', () => {
    const { rules } = run().tool.driver;
    expect(rules.map((r) => r.id)).toEqual(['SP1001', 'SP1004', 'SP2003', 'SP2010', 'SP3010', 'SP3020', 'SP4001', 'SP4002', 'SP9001']);
    const sp2003 = rules.find((r) => r.id === 'SP2003');
    const def = CODES.find((c) => c.code === 'SP2003');
    expect(sp2003?.shortDescription?.text).toBe(def?.title);
    expect(sp2003?.fullDescription?.text).toBe(def?.description);
    expect(sp2003?.help?.text).toBe(def?.fix);
    expect(sp2003?.help?.markdown).toContain('```yaml\nfeatures:\n  max_room: 4\n```');
    expect(sp2003?.defaultConfiguration?.level).toBe('error');
    expect(sp2003?.helpUri).toBe('https://github.com/your-org/svcpkg/blob/main/docs/diagnostics.md#sp2003');
    expect(rules.find((r) => r.id === 'SP1004')?.defaultConfiguration?.level).toBe('note');
    // A code the registry does not know still gets a rule, with its id only.
    expect(rules.find((r) => r.id === 'SP9001')).toEqual({ id: 'SP9001' });
  });

  it('points every result at its rule', () => {
    const { tool, results } = run();
    expect(results).toHaveLength(DIAGNOSTICS.length);
    for (const result of results) expect(tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('maps severities to SARIF levels', () => {
    const levels = run([
      diagnostic({ severity: 'error' }),
      diagnostic({ severity: 'warning', line: 8 }),
      diagnostic({ severity: 'info', line: 9 }),
    ]).results.map((r) => r.level);
    expect(levels).toEqual(['error', 'warning', 'note']);
  });

  it('gives regions with 1-based lines and columns and an exclusive end column', () => {
    const [result] = run([diagnostic()]).results;
    expect(result?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 7, startColumn: 3, endLine: 7, endColumn: 11 });
    const multi = run([diagnostic({ line: 9, column: 3, end_line: 13, end_column: 1 })]).results[0];
    expect(multi?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 9, startColumn: 3, endLine: 13, endColumn: 1 });
    // Nonsense input still yields a valid region.
    const odd = run([diagnostic({ line: 0, column: 0, end_line: 0, end_column: 0 })]).results[0];
    expect(odd?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('uses relative, forward-slash, percent-encoded URIs under %SRCROOT%', () => {
    const uri = (file: string, cwd?: string) =>
      run([diagnostic({ file })], { ...options, cwd }).results[0]?.locations?.[0]?.physicalLocation?.artifactLocation;
    expect(uri('packages.d/meet.yaml')).toEqual({ uri: 'packages.d/meet.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('packages.d/my plan#1.yaml')).toEqual({ uri: 'packages.d/my%20plan%231.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('/repo/packages.d/meet.yaml', '/repo')).toEqual({ uri: 'packages.d/meet.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('/elsewhere/meet.yaml', '/repo')).toEqual({ uri: 'file:///elsewhere/meet.yaml' });
  });

  it('appends the hint to the message and lists related locations', () => {
    const { results } = run();
    const sp2003 = results.find((r) => r.ruleId === 'SP2003');
    expect(sp2003?.message.text).toBe('unknown feature `max_room` (hint: did you mean `max_rooms`?)');
    const sp4001 = results.find((r) => r.ruleId === 'SP4001');
    expect(sp4001?.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'packages.d/meet.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 20 },
        },
        message: { text: 'first defined here' },
      },
    ]);
    expect(results.find((r) => r.ruleId === 'SP2010')).not.toHaveProperty('relatedLocations');
  });

  it('gives a diagnostic without a file no location', () => {
    const sp9001 = run().results.find((r) => r.ruleId === 'SP9001');
    expect(sp9001).not.toHaveProperty('locations');
  });

  it('fingerprints results stably: same across runs and input order, unmoved by line shifts, unique per result', () => {
    const prints = (ds = DIAGNOSTICS) => run(ds).results.map((r) => `${r.ruleId} ${r.partialFingerprints['svcpkg/v1']}`);
    const first = prints();
    expect(prints()).toEqual(first);
    expect(prints([...DIAGNOSTICS].reverse())).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const p of first) expect(p).toMatch(/^SP\d{4} [0-9a-f]{32}:\d+$/);
    const shifted = run([diagnostic({ line: 20, end_line: 20 })]).results[0]?.partialFingerprints;
    expect(shifted).toEqual(run([diagnostic()]).results[0]?.partialFingerprints);
    const other = run([diagnostic({ path: '/features/recording' })]).results[0]?.partialFingerprints;
    expect(other).not.toEqual(shifted);
    // Two results with the same code at the same pointer differ by occurrence.
    const twice = run([diagnostic(), diagnostic({ line: 8, message: 'other' })]).results.map((r) => r.partialFingerprints['svcpkg/v1']);
    expect(twice[0]?.replace(/:\d+$/, '')).toBe(twice[1]?.replace(/:\d+$/, ''));
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('ends with one newline and indents with two spaces', () => {
    const out = formatSarif([], options);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });
});
