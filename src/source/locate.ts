// Positions for fast-path files without a second parse (docs/decisions.md, Performance): a scan of
// the lines along one JSON pointer gives the span the `yaml` package's node ranges would give.
// It only runs on text the fast path accepted (no anchors, tags, block scalars, multi-line quotes
// or flows, tabs, directives: see fast.ts) and answers `undefined` — "ask the full parser" —
// wherever its model of those ranges is not certain (multi-line plain scalars, odd keys, pointers
// into flow collections, comments indented inside a collection's end). A test compares it with
// the full parse on generated files (test/source/locate.test.ts).
import type { Span } from '../diagnostics/diagnostic.js';
import { splitPointer } from './pointer.js';
import type { LocateTarget } from './source-file.js';
import { LineIndex } from './position.js';

/** One line of the text: offsets, indentation and what it holds. */
interface Line {
  /** Offset of its first character. */
  readonly start: number;
  /** Offset of its end (the `\n`, or the end of the text). */
  readonly end: number;
  /** Offset of the next line (after the `\n`). */
  readonly next: number;
  /** Leading spaces. */
  readonly indent: number;
  /** Blank, a comment alone, or content. */
  readonly kind: 'blank' | 'comment' | 'content';
}

/** A node found along a pointer: enough to give its span the way `yaml` ranges it. */
/** A block collection: its indentation, first line, offset of its first key or `-`, and past-the-last line. */
interface Block {
  readonly kind: 'map' | 'seq';
  readonly indent: number;
  readonly from: number;
  readonly col: number;
  readonly to: number;
}
type Node =
  | Block
  | { readonly kind: 'scalar'; readonly start: number; readonly end: number; readonly source: string | undefined | typeof UNSURE }
  | { readonly kind: 'empty'; readonly at: number }
  | { readonly kind: 'flow'; readonly start: number; readonly end: number };

/** A mapping entry: its key's span and where its value starts. */
interface Entry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Line of the key, offset just after its `:`, and the first line of the next entry. */
  readonly line: number;
  readonly after: number;
  readonly to: number;
}

const UNSURE = Symbol('unsure');
/** Kinds of lines, as stored (see `Locator.kinds`). */
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;
const KIND_NAMES = ['blank', 'comment', 'content'] as const;
/** An empty value followed by a comment on its line. */
const COMMENTED = Symbol('commented');
type Unsure = typeof UNSURE;

/** Plain keys the scan compares as written: anything the core schema would read as a number, boolean or null is left to the full parser. */
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_.\-/~ ]*$/;
const NON_STRING_KEY = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|\.inf|\.nan)$/;

/** Entries and items of the blocks one Locator walked, by the offset where each block starts. */
interface BlockCache {
  readonly owner: Locator | undefined;
  readonly entries: Map<number, Entry[] | Unsure>;
  readonly items: Map<number, [number, number, number][] | Unsure>;
}
let recentBlocks: BlockCache = { owner: undefined, entries: new Map(), items: new Map() };

/** Locates pointers in one fast-path text; build once per file, on first need. */
export class Locator {
  // The lines, as columns rather than one object a line: a Locator lives as long as its file's
  // documents, to the end of a run, and objects cost ~4 times the memory (and GC work).
  /** Leading spaces of each line. */
  private indents = new Int32Array(0);
  /** BLANK, COMMENT or CONTENT, by line. */
  private kinds = new Uint8Array(0);
  /** First and past-the-last line of each document, by index (as both parsers count them). */
  private readonly docs: [number, number][] = [];
  private readonly usable: boolean;
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
    // CR line ends: the parsers' handling of `\r` at line ends is not modelled.
    this.usable = !text.includes('\r') && this.split();
  }

  /** The span `SourceDocument.locate` gives, or undefined when only the full parse can tell. */
  locate(document: number, pointer: string, target: LocateTarget = 'value'): Span | undefined {
    const found = this.find(document, pointer, target);
    if (found === UNSURE) return undefined;
    const { node, exact, key } = found;
    if (key) return this.index.span(key[0], key[1]);
    if (!exact && node.kind === 'map') {
      // A missing property: `yaml` points at the mapping's first key.
      const first = this.entries(node);
      if (first === UNSURE || first.length === 0) return undefined;
      return this.index.span(first[0]!.keyStart, first[0]!.keyEnd);
    }
    const range = this.range(node);
    return range === UNSURE ? undefined : this.index.span(range[0], range[1]);
  }

  /** What `SourceDocument.sourceOf` gives (`{ source }`), or undefined when only the full parse can tell. */
  sourceOf(document: number, pointer: string): { source: string | undefined } | undefined {
    const found = this.find(document, pointer, 'value');
    if (found === UNSURE) return undefined;
    if (!found.exact) return { source: undefined };
    const node = found.node;
    if (node.kind === 'empty') return { source: '' };
    if (node.kind !== 'scalar') return { source: undefined };
    return node.source === UNSURE ? undefined : { source: node.source };
  }

  /** Line n (0-based, existing) as a record. */
  private line(n: number): Line {
    const starts = this.index.starts;
    const start = starts[n]!;
    const last = n + 1 >= starts.length;
    const end = last ? this.text.length : starts[n + 1]! - 1;
    return { start, end, next: last ? end : end + 1, indent: this.indents[n]!, kind: KIND_NAMES[this.kinds[n]!]! };
  }

  /** Split lines and documents; false when a line is beyond the model. */
  private split(): boolean {
    const text = this.text;
    const starts = this.index.starts; // the same lines: every `\n` ends one
    const count = starts.length;
    this.indents = new Int32Array(count);
    this.kinds = new Uint8Array(count);
    for (let n = 0; n < count; n++) {
      const start = starts[n]!;
      const end = n + 1 < count ? starts[n + 1]! - 1 : text.length;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      this.indents[n] = i - start;
      this.kinds[n] = i === end ? BLANK : text.charCodeAt(i) === 35 /* # */ ? COMMENT : CONTENT;
    }
    // Documents: a `---` line opens one; text before the first marker is a document of its own
    // unless it holds only blanks and comments.
    let open = 0;
    let sawContent = false;
    for (let n = 0; n < count; n++) {
      if (this.indents[n] !== 0) {
        if (this.kinds[n] === CONTENT) sawContent = true;
        continue;
      }
      const line = this.line(n);
      if (text.startsWith('---', line.start)) {
        if (!/^---(?:[ ]+(?:#.*)?)?$/.test(text.slice(line.start, line.end))) return false;
        if (sawContent || this.docs.length > 0) this.docs.push([open, n]);
        open = n + 1;
        sawContent = true; // a marker opens a document even when nothing follows it
        continue;
      }
      if (line.kind === 'content') {
        if (text.startsWith('...', line.start)) return false;
        sawContent = true;
      }
    }
    this.docs.push([open, count]);
    return true;
  }

  /** Walk the pointer as node-document.ts's findNode does. */
  private find(document: number, pointer: string, target: LocateTarget): { node: Node; exact: boolean; key?: [number, number] } | Unsure {
    if (!this.usable) return UNSURE;
    const doc = this.docs[document];
    if (!doc) return UNSURE;
    let node = this.root(doc[0], doc[1]);
    if (node === UNSURE) return UNSURE;
    const segments = splitPointer(pointer);
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      const last = i === segments.length - 1;
      if (node.kind === 'map') {
        const entries = this.entries(node);
        if (entries === UNSURE) return UNSURE;
        const entry = entries.findLast((e) => e.key === segment); // the value used, as findNode
        if (!entry) return { node, exact: false };
        if (last && target === 'key') return { node, exact: true, key: [entry.keyStart, entry.keyEnd] };
        const value: Node | Unsure = this.value(entry.line, entry.after, node.indent, entry.to, 'entry');
        if (value === UNSURE) return UNSURE;
        node = value;
      } else if (node.kind === 'seq') {
        const items = this.items(node);
        if (items === UNSURE) return UNSURE;
        const item = items[Number(segment)];
        if (item === undefined) return { node, exact: false };
        const value: Node | Unsure = this.value(item[0], item[1], node.indent, item[2], 'item');
        if (value === UNSURE) return UNSURE;
        node = value;
      } else if (node.kind === 'flow') {
        return UNSURE; // the full parser walks into flow collections
      } else {
        return { node, exact: false };
      }
    }
    return { node, exact: true };
  }

  /** The root node of a document's lines. */
  private root(from: number, to: number): Node | Unsure {
    const first = this.nextContent(from, to);
    if (first === -1) return UNSURE;
    const line = this.line(first);
    if (line.indent !== 0) return UNSURE;
    return this.value(first, line.start, -1, to, 'root');
  }

  /**
   * The value that starts at `offset` on line `n` (after a key's `:`, a `- `, or a document's
   * start) and may continue on the lines before `to`, inside a block indented `indent`.
   */
  private value(n: number, offset: number, indent: number, to: number, context: 'entry' | 'item' | 'root'): Node | Unsure {
    const text = this.text;
    const line = this.line(n);
    let p = offset;
    while (p < line.end && text.charCodeAt(p) === 32) p++;
    if (p === line.end || text[p] === '#') {
      // Nothing more on this line: a block collection below, or an empty value.
      const below = this.nextContent(n + 1, to);
      // An empty value may take the comments after it into its range: not modelled.
      if (below === -1) return this.hasCommentBelow(n + 1, to, -1) ? UNSURE : { kind: 'empty', at: p };
      const child = this.line(below);
      const dash = this.isDash(child.start + child.indent, child.end);
      // A sequence may sit at its key's own indentation; anything else must be indented further.
      if (child.indent <= indent && !(dash && context === 'entry' && child.indent === indent)) return UNSURE;
      const at = child.start + child.indent;
      // Not `- ` and not `key:`: a plain scalar continued on the next line.
      if (!dash && this.keyEnd(at, child.end) === -1 && text[at] !== '"' && text[at] !== "'") return UNSURE;
      return { kind: dash ? 'seq' : 'map', indent: child.indent, from: below, col: child.start + child.indent, to };
    }
    const c = text[p]!;
    if (c === '"' || c === "'") {
      const close = this.closeQuote(p, line.end);
      if (close === -1 || !this.restIsEmpty(close + 1, line.end) || this.nextContent(n + 1, to) !== -1) {
        return context === 'entry' ? UNSURE : this.compact(n, p, to, context);
      }
      const inner = text.slice(p + 1, close);
      const simple = c === '"' ? !inner.includes('\\') : !inner.includes("'");
      return { kind: 'scalar', start: p, end: close + 1, source: simple ? inner : UNSURE };
    }
    if (c === '[' || c === '{') {
      const close = this.closeFlow(p, line.end);
      if (close === -1 || !this.restIsEmpty(close + 1, line.end) || this.nextContent(n + 1, to) !== -1) return UNSURE;
      return { kind: 'flow', start: p, end: close + 1 };
    }
    if (this.isDash(p, line.end)) {
      if (context !== 'root') return UNSURE; // `- - x`: nested compact sequences
      return { kind: 'seq', indent: p - line.start, from: n, col: p, to };
    }
    if ('?:,]}&*!|>%@`'.includes(c)) return UNSURE;
    if (this.keyEnd(p, line.end) !== -1) {
      if (context === 'entry') return UNSURE; // `a: b: c`
      return this.compact(n, p, to, context);
    }
    // A plain scalar: to a comment or the line's end, trailing spaces trimmed. One that goes on
    // over more lines is folded by rules left to the full parser.
    if (this.nextContent(n + 1, to) !== -1) return UNSURE;
    let end = text.indexOf(' #', p);
    if (end === -1 || end > line.end) end = line.end;
    while (end > p && text.charCodeAt(end - 1) === 32) end--;
    return { kind: 'scalar', start: p, end, source: text.slice(p, end) };
  }

  /** A mapping that starts on the line of its `- ` (or at a document's start), at column `p`. */
  private compact(n: number, p: number, to: number, context: 'item' | 'root'): Node | Unsure {
    const line = this.line(n);
    if (context === 'root' && p !== line.start) return UNSURE;
    return { kind: 'map', indent: p - line.start, from: n, col: p, to };
  }

  /**
   * The entries of a block mapping, in order. A file's diagnostics ask for pointers through the same
   * mappings over and over (on the noisy bench corpus, 1.6 mapping scans a pointer), one file after
   * another: the blocks of the Locator used last are remembered (a block is known by the offset of
   * its first key, `col`). Only that one Locator's: kept for every file, they cost more in memory
   * and garbage collection than the scans they save.
   */
  private entries(node: Block): Entry[] | Unsure {
    const cache = this.recent();
    let entries = cache.entries.get(node.col);
    if (entries === undefined) cache.entries.set(node.col, (entries = this.scanEntries(node)));
    return entries;
  }

  private recent(): BlockCache {
    if (recentBlocks.owner !== this) recentBlocks = { owner: this, entries: new Map(), items: new Map() };
    return recentBlocks;
  }

  private scanEntries(node: Block): Entry[] | Unsure {
    const text = this.text;
    const starts: { line: number; at: number }[] = [{ line: node.from, at: node.col }];
    for (let n = node.from + 1; n < node.to; n++) {
      if (this.kinds[n] !== CONTENT || this.indents[n]! > node.indent) continue;
      const line = this.line(n);
      if (line.indent < node.indent) return UNSURE;
      const at = line.start + line.indent;
      if (this.isDash(at, line.end)) continue; // a sequence at its key's indentation
      starts.push({ line: n, at });
    }
    const entries: Entry[] = [];
    for (let k = 0; k < starts.length; k++) {
      const { line: n, at } = starts[k]!;
      const line = this.line(n);
      const to = starts[k + 1]?.line ?? node.to;
      let key: string;
      let keyEnd: number;
      let colon: number;
      const c = text[at];
      if (c === '"' || c === "'") {
        const close = this.closeQuote(at, line.end);
        if (close === -1) return UNSURE;
        key = text.slice(at + 1, close);
        if (c === '"' ? key.includes('\\') : key.includes("'")) return UNSURE;
        keyEnd = close + 1;
        colon = keyEnd;
        while (colon < line.end && text.charCodeAt(colon) === 32) colon++;
        if (text[colon] !== ':' || !(colon + 1 === line.end || text.charCodeAt(colon + 1) === 32)) return UNSURE;
      } else {
        colon = this.keyEnd(at, line.end);
        if (colon === -1) return UNSURE;
        keyEnd = colon;
        while (keyEnd > at && text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
        key = text.slice(at, keyEnd);
        if (!SIMPLE_KEY.test(key) || NON_STRING_KEY.test(key)) return UNSURE;
      }
      entries.push({ key, keyStart: at, keyEnd, line: n, after: colon + 1, to });
    }
    return entries;
  }

  /** The items of a block sequence: line of its `-`, offset after the `-`, first line of the next item (computed once a sequence). */
  private items(node: Block): [number, number, number][] | Unsure {
    const cache = this.recent();
    let items = cache.items.get(node.col);
    if (items === undefined) cache.items.set(node.col, (items = this.scanItems(node)));
    return items;
  }

  private scanItems(node: Block): [number, number, number][] | Unsure {
    const starts: { line: number; at: number }[] = [{ line: node.from, at: node.col }];
    for (let n = node.from + 1; n < node.to; n++) {
      if (this.kinds[n] !== CONTENT || this.indents[n]! > node.indent) continue;
      const line = this.line(n);
      if (line.indent < node.indent) return UNSURE;
      const at = line.start + line.indent;
      if (!this.isDash(at, line.end)) break; // the mapping that holds this sequence goes on
      starts.push({ line: n, at });
    }
    const last = starts[starts.length - 1]!;
    const end = this.nextSiblingAfter(last.line, node);
    return starts.map((s, k) => [s.line, s.at + 1, starts[k + 1]?.line ?? end]);
  }

  /** Where a sequence's last item ends: the next line at its indentation that is not an item. */
  private nextSiblingAfter(n: number, node: Block): number {
    for (let m = n + 1; m < node.to; m++) {
      if (this.kinds[m] === CONTENT && this.indents[m]! <= node.indent) return m;
    }
    return node.to;
  }

  /** A node's [start, valueEnd) offsets, as `yaml` gives `range[0]`, `range[1]`. */
  private range(node: Node): [number, number] | Unsure {
    switch (node.kind) {
      case 'scalar':
      case 'flow':
        return [node.start, node.end];
      case 'empty':
        return [node.at, node.at];
      default: {
        // A block collection ends with its last line of content (newline included), or at the
        // empty value that closes it.
        let to = node.to;
        if (node.kind === 'seq') {
          const items = this.items(node);
          if (items === UNSURE) return UNSURE;
          to = items[items.length - 1]![2];
        } else {
          const entries = this.entries(node);
          if (entries === UNSURE) return UNSURE;
        }
        let last = -1;
        for (let n = to - 1; n >= node.from; n--) {
          if (this.kinds[n] === CONTENT) {
            last = n;
            break;
          }
        }
        // Comments after the last content may or may not be counted in (it depends on the nesting),
        // except comments at the left margin after a document's root mapping: never.
        const rootMap = node.kind === 'map' && node.indent === 0;
        if (last === -1 || this.hasCommentBelow(last + 1, to, rootMap ? 0 : node.indent - 1)) return UNSURE;
        const empty = this.emptyAtEnd(last);
        if (empty === UNSURE || (empty !== undefined && this.hasCommentBelow(last + 1, to, -1))) return UNSURE;
        // Ending on `key: # comment`, `yaml` ends the collection where the next content starts.
        if (empty === COMMENTED) {
          if (last + 1 < to) return UNSURE; // blank lines before it: counted in or not, depending on the nesting
          const next = to < this.index.starts.length ? this.line(to) : undefined;
          return [node.col, next ? next.start + next.indent : this.line(to - 1).next];
        }
        // Ending with the document, or with comments inside: not modelled.
        if (empty !== undefined && (this.isMarker(to) || this.hasComment(node.from, to))) return UNSURE;
        return [node.col, empty ?? this.line(last).next];
      }
    }
  }

  /** Where the empty value that ends line n sits (`key:`, `-`), undefined when the line ends with a value. */
  private emptyAtEnd(n: number): number | undefined | typeof COMMENTED | Unsure {
    const text = this.text;
    const line = this.line(n);
    let p = line.start + line.indent;
    for (;;) {
      if (this.isDash(p, line.end)) {
        p++;
      } else {
        const c = text[p];
        if (c === '"' || c === "'" || c === '[' || c === '{') {
          const close = c === '"' || c === "'" ? this.closeQuote(p, line.end) : this.closeFlow(p, line.end);
          if (close === -1) return UNSURE;
          let q = close + 1;
          while (q < line.end && text.charCodeAt(q) === 32) q++;
          if (text[q] !== ':') return undefined;
          p = q + 1;
        } else {
          const colon = this.keyEnd(p, line.end);
          if (colon === -1) return undefined;
          p = colon + 1;
        }
      }
      while (p < line.end && text.charCodeAt(p) === 32) p++;
      if (p === line.end) return p;
      if (text[p] === '#') return COMMENTED; // the comment takes the collection to the next content
    }
  }

  /** A comment line before `to` (and the next content) indented deeper than `indent` (-1: any): `yaml` may count it into a range. */
  private hasCommentBelow(from: number, to: number, indent: number): boolean {
    for (let n = from; n < to; n++) {
      if (this.kinds[n] === CONTENT) return false;
      if (this.kinds[n] === COMMENT && this.indents[n]! > indent) return true;
    }
    return false;
  }

  /** Whether a comment line lies in [from, to). */
  private hasComment(from: number, to: number): boolean {
    for (let n = from; n < to; n++) if (this.kinds[n] === COMMENT) return true;
    return false;
  }

  /** Whether line n is a `---` document marker. */
  private isMarker(n: number): boolean {
    return n < this.index.starts.length && this.indents[n] === 0 && this.text.startsWith('---', this.index.starts[n]!);
  }

  /** The first content line in [from, to), or -1. */
  private nextContent(from: number, to: number): number {
    for (let n = from; n < to; n++) if (this.kinds[n] === CONTENT) return n;
    return -1;
  }

  /** Whether a `-` at p opens a sequence item (followed by a space or the line's end). */
  private isDash(p: number, end: number): boolean {
    return this.text[p] === '-' && (p + 1 === end || this.text.charCodeAt(p + 1) === 32);
  }

  /** The offset of the `:` ending a plain key that starts at p, or -1 if the line holds no key. */
  private keyEnd(p: number, end: number): number {
    const text = this.text;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === end || text.charCodeAt(i + 1) === 32)) return i;
      if (c === 35 /* # */ && i > p && text.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  /** The offset of the quote closing the one at p on the same line, or -1. */
  private closeQuote(p: number, end: number): number {
    const text = this.text;
    const q = text[p];
    for (let i = p + 1; i < end; i++) {
      const c = text[i];
      if (q === '"' && c === '\\') i++;
      else if (c === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else return i;
      }
    }
    return -1;
  }

  /** The offset of the bracket closing the one at p on the same line (quotes inside skipped), or -1. */
  private closeFlow(p: number, end: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = p; i < end; i++) {
      const c = text[i];
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth === 0) return i;
      } else if ((c === '"' || c === "'") && /[\s\[{,:]/.test(text[i - 1] ?? ' ')) {
        const close = this.closeQuote(i, end);
        if (close === -1) return -1;
        i = close;
      } else if (c === '#' && text[i - 1] === ' ') return -1;
    }
    return -1;
  }

  /** Whether [p, end) holds only spaces and perhaps a comment. */
  private restIsEmpty(p: number, end: number): boolean {
    let i = p;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i === end || (this.text[i] === '#' && i > p);
  }
}
