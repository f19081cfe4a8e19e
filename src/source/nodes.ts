// Small questions about the `yaml` package's nodes: their range, key text, kind, emptiness, depth.
import type { Document, Node as YamlNode } from 'yaml';
import { yaml } from './yaml-module.js';

/** The start and value end of a node (range = [start, valueEnd, nodeEnd]; valueEnd excludes trailing comments and blank lines). */
export function nodeRange(node: YamlNode): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}

/** The text of a scalar key; undefined for a collection used as a key. */
export function keyString(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}

/** A node's kind in words, for messages. */
export function describeNode(node: YamlNode): string {
  if (yaml().isSeq(node)) return 'a list';
  if (yaml().isMap(node)) return 'a mapping';
  if (yaml().isScalar(node)) return node.value === null ? 'null' : `the ${typeof node.value} ${JSON.stringify(node.value)}`;
  if (yaml().isAlias(node)) return 'an alias';
  return 'another kind of value';
}

/** A document with no content at all (not even an explicit `null`). */
export function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents as YamlNode | null;
  if (contents === null) return true;
  return yaml().isScalar(contents) && contents.value === null && (contents.source === '' || contents.source === undefined) && nodeRange(contents)[0] === nodeRange(contents)[1];
}

/** Iterative depth check: the first node deeper than the cap, if any. */
export function findTooDeep(root: YamlNode, maxDepth: number): YamlNode | undefined {
  const stack: [YamlNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [YamlNode, number];
    if (depth > maxDepth) return node;
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        if (pair.value && typeof pair.value === 'object') stack.push([pair.value as YamlNode, depth + 1]);
      }
    } else if (yaml().isSeq(node)) {
      for (const item of node.items) if (item && typeof item === 'object') stack.push([item as YamlNode, depth + 1]);
    }
  }
  return undefined;
}
