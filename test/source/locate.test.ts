// Positions from the pointer scan (locate.ts) must be the full parser's, wherever the scan answers:
// a differential property test over generated files, and the corpora the fast path is tested on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceFast } from '../../src/source/fast.js';
import { Locator } from '../../src/source/locate.js';
import { escapePointerSegment, parseSource, type LocateTarget } from '../../src/source/parse.js';
import { VALID_PACKAGE } from '../helpers/cli.js';
import { CORPUS } from './hostile-corpus.js';

type Tree =
  | { t: 'map'; entries: [string, Tree][] }
  | { t: 'seq'; items: Tree[] }
  | { t: 'scalar'; text: string }
  | { t: 'empty' }
  | { t: 'flow'; text: string };

const KEYS = ['code', 'name', 'tier', 'price', 'features', 'max_rooms', 'a', 'b c', 'x-y', 'k.v', '"quoted key"', "'single key'", 'x/y', 'm~n'];
// Keys the core schema reads as other types: the scan leaves their mappings to the full parser.
const ODD_KEYS = ['true', 'True', 'null', '1', '1.0', '"esc\\ape"'];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const SCALARS = ['abc', 'a b c', '42', '3.50', '-5', 'x#y', 'http://h/p', '"quoted"', '"esc \\" aped"', "'single'", "'it''s'", 'true', 'null', '~', 'a: ', '0.5'];
const FLOWS = ['[a, b]', '[]', '{}', '{a: 1, b: [x, y]}', '["q", \'r\']', '[email, webhook]'];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((text): Tree => ({ t: 'scalar', text: text === 'a: ' ? 'plain' : text })),
    fc.constant<Tree>({ t: 'empty' }),
    fc.constantFrom(...FLOWS).map((text): Tree => ({ t: 'flow', text })),
    fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k.replace(/["']/g, '') }).map((entries): Tree => ({ t: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ t: 'seq', items })),
  ),
})).node;

const rootMap = fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 5, selector: ([k]) => k.replace(/["']/g, '') }).map((entries): Tree => ({ t: 'map', entries }));

/** Formatting choices, drawn from a seed: comments, blank lines, trailing spaces, indentation. */
function styler(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (n: number) => Math.floor(next() * n),
  };
}

function render(root: Tree, seed: number): string {
  const s = styler(seed);
  const out: string[] = [];
  const tail = (): string => (s.chance(0.2) ? ' # note' : '') + (s.chance(0.15) ? '  ' : '');
  const noise = (indent: number): void => {
    if (s.chance(0.1)) out.push('');
    if (s.chance(0.1)) out.push(' '.repeat(s.int(indent + 3)) + '# comment');
  };
  const inline = (node: Tree): string | undefined => {
    if (node.t === 'scalar' || node.t === 'flow') return ' ' + node.text + tail();
    if (node.t === 'empty') return ['', ' ', ' # nothing'][s.int(3)];
    return undefined;
  };
  const map = (node: Extract<Tree, { t: 'map' }>, indent: number, first?: string): void => {
    node.entries.forEach(([key, value], i) => {
      const pad = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      const head = `${pad}${key}${s.chance(0.05) ? ' ' : ''}:`;
      const text = inline(value);
      if (text !== undefined) out.push(head + text);
      else {
        out.push(head + (s.chance(0.1) ? ' # block' : ''));
        if (value.t === 'map') map(value, indent + 2 + s.int(2));
        else if (value.t === 'seq') seq(value, s.chance(0.5) ? indent : indent + 2);
      }
      noise(indent);
    });
  };
  const seq = (node: Extract<Tree, { t: 'seq' }>, indent: number): void => {
    for (const item of node.items) {
      const dash = ' '.repeat(indent) + '-';
      const text = inline(item);
      if (text !== undefined) out.push(dash + (item.t === 'empty' ? text : text));
      else if (item.t === 'map' && s.chance(0.7)) map(item, indent + 2, dash + ' ');
      else {
        out.push(dash);
        if (item.t === 'map') map(item, indent + 2);
        else if (item.t === 'seq') seq(item, indent + 2);
      }
      noise(indent);
    }
  };
  if (root.t === 'map') map(root, 0);
  return out.join('\n') + (s.chance(0.8) ? '\n' : '');
}

/** Every pointer of a value, plus missing ones beside them. */
function pointers(value: unknown, prefix = ''): string[] {
  const out = [prefix, `${prefix}/missing`];
  if (Array.isArray(value)) {
    out.push(`${prefix}/${value.length}`, `${prefix}/x`);
    value.forEach((item, i) => out.push(...pointers(item, `${prefix}/${i}`)));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pointers(item, `${prefix}/${escapePointerSegment(key)}`));
  }
  return out;
}

/** Compare the scan with the full parse on every pointer of every document; how many it answered. */
function compare(text: string): { asked: number; answered: number } {
  const counts = { asked: 0, answered: 0 };
  const fast = parseSourceFast('f.yaml', text);
  if (!fast) return counts;
  const full = parseSource('f.yaml', text);
  const locator = new Locator(text);
  for (const doc of full.documents) {
    for (const pointer of pointers(doc.value)) {
      for (const target of ['value', 'key'] as LocateTarget[]) {
        counts.asked++;
        const span = locator.locate(doc.index, pointer, target);
        if (span !== undefined) {
          counts.answered++;
          expect(span, `${JSON.stringify(text)} ${pointer} ${target}`).toEqual(doc.locate(pointer, target));
        }
      }
      const source = locator.sourceOf(doc.index, pointer);
      if (source !== undefined) expect(source.source, `${JSON.stringify(text)} ${pointer} source`).toBe(doc.sourceOf(pointer));
      // Through the fast path's documents, scan or not, the answer is always the full parser's.
      const lazy = fast.documents.find((d) => d.index === doc.index);
      expect(lazy?.locate(pointer), pointer).toEqual(doc.locate(pointer));
    }
  }
  return counts;
}

describe('pointer scan (locate.ts)', () => {
  it('gives the full parser’s spans on generated files with comments, blank lines and several documents', () => {
    const total = { asked: 0, answered: 0, files: 0, byFile: [] as number[] };
    fc.assert(
      fc.property(fc.array(fc.tuple(rootMap, fc.nat()), { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, header) => {
        const text = (header ? '# header\n---\n' : '') + docs.map(([root, seed]) => render(root, seed)).join('\n---\n');
        const counts = compare(text);
        total.asked += counts.asked;
        total.answered += counts.answered;
        total.byFile.push(counts.asked ? counts.answered / counts.asked : 1);
        if (counts.asked > 0) total.files++;
      }),
      { numRuns: 400 },
    );
    // Not vacuous: most generated files take the fast path and the scan answers most lookups.
    expect(total.files).toBeGreaterThan(200);
    // (Generated files put comments and empty values everywhere: the scan leaves many collection
    // ends to the full parser; on package files it answers everything, below.)
    expect(total.answered / total.asked).toBeGreaterThan(0.35);
  });

  it('gives the full parser’s spans on the hostile corpus and a valid package', () => {
    for (const text of [...Object.values(CORPUS), VALID_PACKAGE]) compare(text as string);
  });

  it('answers every lookup on package files as people write them, without a full parse', () => {
    const second = VALID_PACKAGE.replace('meet-basic', 'meet-plus').replace(/^name: .*$/m, 'name: Plus  # the upgrade');
    const text = `# Meet packages\n---\n${VALID_PACKAGE}\n# the next one\n---\n${second}`;
    const counts = compare(text);
    expect(counts.asked).toBeGreaterThan(20);
    expect(counts.answered).toBe(counts.asked);
    const fast = parseSourceFast('f.yaml', text);
    fast?.documents[1]?.locate('/name');
    expect(fast && (fast as { documents: unknown[] }).documents.length).toBe(2);
  });
});

describe('pointer scan with Locators used in turn', () => {
  it('answers for each text, never from the blocks another text remembered', () => {
    // The same offsets hold different blocks in the two texts: a scan remembered for one must not answer for the other.
    const a = new Locator('features:\n  max_rooms: 1\n  recording: true\n');
    const b = new Locator('features:\n  recording: true\n  max_rooms: 22\n');
    const full = (text: string) => parseSource('f.yaml', text).documents[0]!;
    const fullA = full('features:\n  max_rooms: 1\n  recording: true\n');
    const fullB = full('features:\n  recording: true\n  max_rooms: 22\n');
    for (let round = 0; round < 2; round++) {
      for (const pointer of ['/features/max_rooms', '/features/recording']) {
        expect(a.locate(0, pointer), `a ${pointer}`).toEqual(fullA.locate(pointer));
        expect(b.locate(0, pointer), `b ${pointer}`).toEqual(fullB.locate(pointer));
      }
    }
  });
});
