// Positions from the full parse: a JSON pointer walked down the `yaml` package's node tree to a span.
import type { Alias, Document, Node as YamlNode, Scalar } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { keyString, nodeRange } from './nodes.js';
import { splitPointer } from './pointer.js';
import type { LocateTarget, SourceDocument, SpanAt } from './source-file.js';
import { yaml } from './yaml-module.js';

/** A parsed document as a SourceDocument: its value, with positions from its node tree. */
export function makeDocument(file: string, index: number, doc: Document.Parsed, value: unknown, at: SpanAt): SourceDocument {
  return {
    file,
    index,
    value,
    locate(pointer: string, target: LocateTarget = 'value'): Span {
      const found = findNode(doc, pointer, target);
      const [start, end] = nodeRange(found.node);
      if (!found.exact && yaml().isMap(found.node)) {
        // A missing property: point at the mapping's first line rather than the whole block.
        const first = found.node.items[0];
        if (first && yaml().isPair(first) && first.key && typeof first.key === 'object') {
          const [ks, ke] = nodeRange(first.key as YamlNode);
          return at(ks, ke);
        }
      }
      return at(start, end);
    },
    sourceOf(pointer: string): string | undefined {
      const found = findNode(doc, pointer, 'value');
      if (!found.exact || !yaml().isScalar(found.node)) return undefined;
      const node = found.node as Scalar;
      if (node.source !== undefined && typeof node.source === 'string') return node.source;
      return undefined;
    },
  };
}

/** The node a pointer leads to, or the nearest existing ancestor (`exact: false`). */
export interface Found {
  node: YamlNode;
  exact: boolean;
}

/** Walk a pointer down a document's nodes, through aliases. */
export function findNode(doc: Document.Parsed, pointer: string, target: LocateTarget): Found {
  const root = doc.contents as YamlNode;
  let node: YamlNode = root;
  const segments = splitPointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const resolved: YamlNode = yaml().isAlias(node) ? ((node as Alias).resolve(doc) as YamlNode | undefined) ?? node : node;
    const last = i === segments.length - 1;
    if (yaml().isMap(resolved)) {
      // The last of duplicated keys: the value the document holds (SP1002 reports the repeat).
      const pair = resolved.items.findLast((p) => keyString(p.key) === segment);
      if (!pair) return { node: resolved, exact: false };
      if (last && target === 'key' && pair.key && typeof pair.key === 'object') return { node: pair.key as YamlNode, exact: true };
      if (pair.value === null || typeof pair.value !== 'object') {
        // `key:` with no value: point at the key.
        return { node: pair.key as YamlNode, exact: last };
      }
      node = pair.value as YamlNode;
    } else if (yaml().isSeq(resolved)) {
      const item = resolved.items[Number(segment)];
      if (item === undefined || item === null || typeof item !== 'object') return { node: resolved, exact: false };
      node = item as YamlNode;
    } else {
      return { node: resolved, exact: false };
    }
  }
  return { node, exact: true };
}
