import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/parse.js';

function codes(text: string) {
  const result = parseSource('f.yaml', text);
  return result.diagnostics.map((d) => [d.code, d.line, d.column]);
}

describe('parseSource: hostile and broken YAML (SPEC §5)', () => {
  it('reports a duplicate key at the second key and still reads the document', () => {
    const result = parseSource('f.yaml', 'code: a\nname: x\ncode: b\n');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['SP1002', 3, 1]]);
    expect(result.documents).toHaveLength(1);
  });

  it('reports a syntax error and keeps no document', () => {
    const result = parseSource('f.yaml', 'code: a\nname: "x\n');
    expect(result.diagnostics[0]?.code).toBe('SP1001');
    expect(result.diagnostics[0]?.severity).toBe('error');
    expect(result.documents).toHaveLength(0);
  });

  it('reports tabs used for indentation', () => {
    expect(codes('code: a\nfeatures:\n\tmax_rooms: 1\n').map((c) => c[0])).toContain('SP1010');
  });

  it('stops an alias bomb with a diagnostic instead of expanding it', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const result = parseSource('f.yaml', bomb);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SP1003']);
    expect(result.documents).toHaveLength(0);
  });

  it('flags YAML 1.1 booleans, octal-looking and base-60 numbers, and forbidden keys', () => {
    const result = parseSource('f.yaml', 'hidden: yes\nstock_qty: 010\nx: 1:30\n__proto__: {a: 1}\ny: "yes"\n');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(
      expect.arrayContaining([
        ['SP1011', 1, 9],
        ['SP1012', 2, 12],
        ['SP1013', 3, 4],
        ['SP1009', 4, 1],
      ]),
    );
    expect(result.diagnostics).toHaveLength(4);
    const value = result.documents[0]?.value as Record<string, unknown>;
    expect(value.stock_qty).toBe(10);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('treats an empty file or a comment-only file as an error', () => {
    expect(codes('')).toEqual([['SP1008', 1, 1]]);
    expect(codes('# only a comment\n')).toEqual([['SP1008', 1, 1]]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(codes('- a\n- b\n')).toEqual([['SP1007', 1, 1]]);
    expect(codes('just a string\n')).toEqual([['SP1007', 1, 1]]);
  });

  it('refuses nesting deeper than the cap, and absurd nesting without crashing', () => {
    expect(codes('a: ' + '['.repeat(70) + ']'.repeat(70) + '\n').map((c) => c[0])).toEqual(['SP1006']);
    const huge = parseSource('f.yaml', 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    expect(huge.diagnostics.length).toBeGreaterThan(0);
    expect(huge.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reads several documents per file and ignores a trailing separator', () => {
    const result = parseSource('f.yaml', 'code: a\n---\ncode: b\n---\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.documents.map((d) => [d.index, (d.value as { code: string }).code])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });
});

describe('SourceDocument.locate', () => {
  const doc = parseSource('f.yaml', 'code: a\nfeatures:\n  max_room: 10\n  rec: {value: 1}\nlist:\n  - x\n  - y\n').documents[0]!;

  it('points at a key or at its value', () => {
    expect(doc.locate('/features/max_room', 'key')).toEqual({ line: 3, column: 3, end_line: 3, end_column: 11 });
    expect(doc.locate('/features/max_room')).toEqual({ line: 3, column: 13, end_line: 3, end_column: 15 });
    expect(doc.locate('/features/rec/value')).toEqual({ line: 4, column: 16, end_line: 4, end_column: 17 });
    expect(doc.locate('/list/1')).toEqual({ line: 7, column: 5, end_line: 7, end_column: 6 });
  });

  it('falls back to the first key of the nearest mapping for a missing property', () => {
    expect(doc.locate('/name')).toEqual({ line: 1, column: 1, end_line: 1, end_column: 5 });
  });

  it('returns the source text of a scalar as written', () => {
    expect(parseSource('f.yaml', 'price: 9.990\n').documents[0]?.sourceOf('/price')).toBe('9.990');
  });
});
