// Where an alias bomb (SP1003) is reported: at the first alias, where the expansion starts.
import type { Document, Node as YamlNode } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { nodeRange } from './nodes.js';
import type { SpanAt } from './source-file.js';
import { yaml } from './yaml-module.js';

/** The span of a document's first alias in reading order (the whole document when it has none). */
export function aliasBombSpan(doc: Document.Parsed, at: SpanAt): Span {
  let first: YamlNode | undefined;
  const stack: YamlNode[] = [doc.contents as YamlNode];
  while (stack.length > 0 && !first) {
    const node = stack.pop() as YamlNode;
    if (yaml().isAlias(node)) first = node;
    else if (yaml().isMap(node)) {
      for (const pair of [...node.items].reverse()) if (pair.value && typeof pair.value === 'object') stack.push(pair.value as YamlNode);
    } else if (yaml().isSeq(node)) {
      for (const item of [...node.items].reverse()) if (item && typeof item === 'object') stack.push(item as YamlNode);
    }
  }
  const [start, end] = nodeRange(first ?? (doc.contents as YamlNode));
  return at(start, end);
}
