// Linear-time guards and verdicts that depend only on the file (docs/decisions.md, "Authoring and
// validation"): bracket lines, many keys, lone CR line breaks, stack overflow inside the parser.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseSourceFast } from '../../src/source/fast.js';
import { parseSource, type SourceFile } from '../../src/source/parse.js';

const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** What check/run.ts does: the fast path, else the full parse. */
function read(text: string): SourceFile {
  return parseSourceFast('f.yaml', text) ?? parseSource('f.yaml', text);
}
function summary(result: SourceFile) {
  return {
    diagnostics: result.diagnostics.map((d) => [d.code, d.line, d.column, d.end_line, d.end_column, d.message]),
    values: result.documents.map((d) => d.value),
  };
}

describe('bracket lines', () => {
  it('refuses a 1 MiB line of brackets as too deep, at the first level past the cap', () => {
    // One closer at the end: every opener then has a closer after it on its line, the case on
    // which the old gate's regular expression scanned to the end of the line from every opener.
    for (const [open, close] of [['[', ']'], ['{', '}']] as const) {
      const result = read('a: ' + open.repeat(1 << 20) + close);
      expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['SP1006', 1, 147]]);
    }
  }, 60_000);
});

describe('duplicate keys (own linear check)', () => {
  it('a 40,000-key mapping with one repeated key gives exactly one SP1002, at the repeat', () => {
    let text = 'code: x\npackage_metadata:\n';
    for (let i = 0; i < 40_000; i++) text += `  k${i}: v\n`;
    text += '  k7: again\n';
    const result = read(text);
    expect(summary(result).diagnostics).toEqual([['SP1002', 40_003, 3, 40_003, 4, 'duplicate key in a mapping']]);
    expect(result.documents).toHaveLength(1);
  }, 60_000);

  it('reports the same positions as the yaml package’s own uniqueKeys check', () => {
    const cases = [
      'a: 1\na: 2\n',
      'a: 1\nb: 2\na: 3\na: 4\n',
      '{a: 1, a: 2}\n',
      'x: [{a: 1, a: 2}, {y: {z: 1, z: 2}}]\n',
      '1: a\n"1": b\n1: c\n',
      '~: a\nnull: b\n',
      '&x a: 1\na: 2\n',
      '? a\n: 1\n? a\n: 2\n',
      '.nan: 1\n.nan: 2\n',
      'a:\n  b: 1\n  b: 2\n  c:\n  - d: 1\n    d: 2\n',
      '"a": 1\n\'a\': 2\na: 3\n',
      'a: 1\n---\na: 1\na: 2\n',
    ];
    for (const text of cases) {
      const expected: [number, number][] = [];
      for (const doc of yaml.parseAllDocuments(text, { uniqueKeys: true, version: '1.2', schema: 'core' }) as import('yaml').Document.Parsed[]) {
        for (const e of doc.errors) if (e.code === 'DUPLICATE_KEY') expected.push(e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [0, 0]);
      }
      const got = parseSource('f.yaml', text).diagnostics.filter((d) => d.code === 'SP1002').map((d) => [d.line, d.column]);
      expect(got, text).toEqual(expected);
    }
  });
});

describe('lone CR line breaks', () => {
  const lf = 'code: meet-x\nname: Meet\nservice_type: meet\n';
  const cr = lf.replace(/\n/g, '\r');
  const crWithComment = '# a comment\r' + cr;
  const lfWithComment = '# a comment\n' + lf;

  it('a lone-CR file reads as its LF twin, with or without a comment, on both paths', () => {
    expect(summary(read(cr))).toEqual(summary(read(lf)));
    expect(summary(read(crWithComment))).toEqual(summary(read(lfWithComment)));
    expect(summary(parseSource('f.yaml', cr))).toEqual(summary(parseSource('f.yaml', lf)));
    expect(summary(parseSource('f.yaml', crWithComment))).toEqual(summary(parseSource('f.yaml', lfWithComment)));
    expect(summary(read(cr)).values).toEqual([{ code: 'meet-x', name: 'Meet', service_type: 'meet' }]);
  });

  it('diagnostics in a lone-CR file point at the same lines as in the LF file', () => {
    const text = 'code: meet-x\nname: Meet\nflag: yes\ncode: again\n';
    expect(summary(parseSource('f.yaml', text.replace(/\n/g, '\r')))).toEqual(summary(parseSource('f.yaml', text)));
  });
});

describe('stack overflow while parsing', () => {
  // A stray quote in a plain scalar once overflowed the parser's stack, and how much stack was
  // left depended on what ran before (JIT state): SP1003 or SP1006, with V8's message. Simulate
  // "little stack left" by recursing first, with nesting the depth pre-check lets through.
  const text = 'a: ' + '['.repeat(250) + ']'.repeat(250) + '\nname: a"b\n';
  function parseAtDepth(depth: number): SourceFile | 'no-stack' {
    if (depth > 0) {
      try {
        return parseAtDepth(depth - 1);
      } catch {
        return 'no-stack'; // the recursion itself ran out before reaching the parser
      }
    }
    return parseSource('f.yaml', text, { maxDepth: 1000 });
  }

  it('gives one fixed located diagnostic, never the raw V8 message, however little stack is left', () => {
    const alone = summary(parseSource('f.yaml', text, { maxDepth: 1000 }));
    expect(alone.diagnostics).toEqual([]);
    const seen = new Set<string>();
    // How deep the recursion may go depends on the size of its frames, which changes when V8
    // optimises parseAtDepth: a limit found with the interpreter's frames can lie far below the
    // optimised code's window. So the limit is found again, with the code as it now runs, until a
    // scan reaches the guard (three tries).
    for (let attempt = 0; attempt < 3 && seen.size === 0; attempt++) {
      let limit = 500;
      while (limit < 1_000_000 && parseAtDepth(limit) !== 'no-stack') limit += 500;
      for (let depth = Math.max(0, limit - 3000); depth <= limit; depth += 4) {
        const result = parseAtDepth(depth);
        if (result === 'no-stack') continue;
        const s = summary(result);
        if (s.diagnostics.length > 0) seen.add(JSON.stringify(s.diagnostics));
      }
    }
    expect(seen.size).toBe(1); // the guard was reached, and gave one answer
    for (const found of seen) {
      expect(found).not.toMatch(/call stack/i);
      expect(JSON.parse(found)).toEqual([['SP1006', 1, 1, 1, 1, 'the file is too deeply nested or too complex to parse']]);
    }
  }, 60_000);
});
