// findJsonSyntaxError agrees with JSON.parse on what is JSON, and points at the first bad character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/compile/lockfile/json-error.js';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in any JSON.stringify output', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('fails exactly where JSON.parse fails, on arbitrary edits of valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 3 }), (value, at, insert) => {
        const text = JSON.stringify(value, null, 2);
        const i = at % (text.length + 1);
        const edited = text.slice(0, i) + insert + text.slice(i);
        let parses = true;
        try {
          JSON.parse(edited);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(edited) === undefined).toBe(parses);
      }),
    );
  });

  const cases: [string, number, string][] = [
    ['', 0, 'a value (the file ends too early)'],
    ['{"a": 1,}', 8, 'a double-quoted property name'],
    ['{"a" 1}', 5, '`:` after the property name'],
    ['{"a": 1 "b": 2}', 8, '`,` or `}` after the property value'],
    ['[1, 2', 5, '`,` or `]` after the list item'],
    ['{"a": tru}', 6, 'a value'],
    ['{"a": "x\ny"}', 8, 'a closing `"` (strings cannot span lines)'],
    ['{"a": "\\q"}', 8, 'a valid escape after `\\`'],
    ['{"a": -}', 6, 'a number'],
    ['{} x', 3, 'the end of the file'],
    ['{"a": "abc', 10, 'a closing `"`'],
  ];
  for (const [text, offset, expected] of cases) {
    it(`${JSON.stringify(text)} → offset ${offset}: ${expected}`, () => {
      expect(findJsonSyntaxError(text)).toEqual({ offset, expected });
    });
  }
});

describe('findJsonSyntaxError on long numbers', () => {
  it('accepts a number of any length', () => {
    expect(findJsonSyntaxError(`[${'9'.repeat(1000)}.5e10]`)).toBeUndefined();
  });
});
