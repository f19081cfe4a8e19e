// The diagnostics collector (src/diagnostics/collector.ts): severity from the registry and the
// overrides, `hasErrors`, and one sort at `done()` that matches the formatters' order.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticCollector, diagnosticOf, isFatal, markFatal } from '../../src/diagnostics/collector.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { defineCodes } from '../../src/diagnostics/registry.js';

const CODES = defineCodes({
  anError: { code: 'SP0901', severity: 'error', title: 't', description: 'd', example: '', fix: 'f' },
  aWarning: { code: 'SP0902', severity: 'warning', title: 't', description: 'd', example: '', fix: 'f' },
  aFatal: { code: 'SP0903', severity: 'error', fatal: true, title: 't', description: 'd', example: '', fix: 'f' },
});

const place = (file: string, line: number, column = 1) => ({ file, line, column, end_line: line, end_column: column + 1, path: '/x' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DiagnosticCollector', () => {
  it('takes the severity from the code, the details only when they grade the occurrence', () => {
    const log = new DiagnosticCollector();
    log.add(CODES.aWarning, place('a.yaml', 1), 'w');
    expect(log.hasErrors()).toBe(false);
    log.add(CODES.aWarning, place('a.yaml', 2), 'graded', { severity: 'error', hint: 'h', expected: ['x'], actual: 'y' });
    expect(log.hasErrors()).toBe(true);
    expect(log.done()).toEqual([
      { ...place('a.yaml', 1), code: 'SP0902', severity: 'warning', message: 'w' },
      { ...place('a.yaml', 2), code: 'SP0902', severity: 'error', message: 'graded', hint: 'h', expected: ['x'], actual: 'y' },
    ]);
  });

  it('applies severity overrides as diagnostics come in: off drops, a level replaces', () => {
    const log = new DiagnosticCollector(new Map([['SP0901', 'warning'], ['SP0902', 'off']] as const));
    log.add(CODES.anError, place('a.yaml', 1), 'e');
    log.addAll([diagnosticOf(CODES.aWarning, place('a.yaml', 2), 'w')]);
    expect(log.hasErrors()).toBe(false);
    expect(log.done().map((d) => [d.code, d.severity])).toEqual([['SP0901', 'warning']]);
  });

  it('fatal: from the registry, or marked on the occurrence; never from the severity', () => {
    const fatal = diagnosticOf(CODES.aFatal, place('a.yaml', 1), 'f');
    const plain = diagnosticOf(CODES.anError, place('a.yaml', 1), 'e');
    expect(fatal.fatal).toBeUndefined(); // the code says it; the occurrence carries nothing extra
    expect([isFatal(fatal), isFatal(plain)]).toEqual([true, false]);
    expect(markFatal([plain]).map(isFatal)).toEqual([true]);
    expect(isFatal(diagnosticOf(CODES.anError, place('a.yaml', 1), 'e', { fatal: true }))).toBe(true);
    const log = new DiagnosticCollector();
    log.add(CODES.anError, place('a.yaml', 1), 'e');
    expect(log.hasFatal()).toBe(false);
    log.add(CODES.aFatal, place('a.yaml', 1), 'f');
    expect(log.hasFatal()).toBe(true);
  });

  it('sorts once, at done(): adding never sorts', () => {
    const sort = vi.spyOn(Array.prototype, 'sort');
    const log = new DiagnosticCollector();
    for (let i = 20; i > 0; i--) log.add(CODES.anError, place(`f${i % 3}.yaml`, i), `m${i}`);
    log.addAll([diagnosticOf(CODES.aWarning, place('f0.yaml', 1), 'w')]);
    expect(sort).not.toHaveBeenCalled();
    const done = log.done();
    expect(sort).toHaveBeenCalledTimes(1);
    expect(done).toEqual(sortDiagnostics(done));
  });

  it('done() is the formatters order with exact repeats dropped, whatever the order of adding', () => {
    const diagnostic = fc.record({
      file: fc.constantFrom('a.yaml', 'b.yaml', ''),
      line: fc.integer({ min: 1, max: 4 }),
      column: fc.integer({ min: 1, max: 3 }),
      code: fc.constantFrom(CODES.anError, CODES.aWarning),
      message: fc.constantFrom('m1', 'm2'),
    });
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 30 }), (items) => {
        const made: Diagnostic[] = items.map((i) => diagnosticOf(i.code, place(i.file, i.line, i.column), i.message));
        const forward = new DiagnosticCollector();
        forward.addAll(made);
        const backward = new DiagnosticCollector();
        for (const d of [...made].reverse()) backward.addAll([d]);
        const expected = sortDiagnostics(made);
        expect(forward.done()).toEqual(expected);
        expect(backward.done()).toEqual(expected);
        const keys = expected.map((d) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
