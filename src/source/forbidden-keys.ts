// SP1009 for forbidden keys that only the parsed value shows (escaped spellings, keys reached through aliases).
import type { Document } from 'yaml';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { findNode } from './node-document.js';
import { nodeRange } from './nodes.js';
import { splitPointer } from './pointer.js';
import type { SpanAt } from './source-file.js';

/**
 * SP1009 for forbidden keys found on the parsed value (plain.ts) that the node scan did not report:
 * keys spelt with escapes, or reached through aliases, where the raw-text gate sees nothing.
 */
export function reportForbiddenKeys(doc: Document.Parsed, file: string, index: number, pointers: readonly string[], at: SpanAt, out: Diagnostic[]): void {
  for (const pointer of pointers) {
    const code = SOURCE_CODES.forbiddenKey;
    if (out.some((d) => d.code === code.code && d.document === index && d.path === pointer)) continue;
    const segments = splitPointer(pointer);
    const [start, end] = nodeRange(findNode(doc, pointer, 'key').node);
    out.push(diagnosticOf(code, { ...at(start, end), file, path: pointer, document: index }, `the key \`${segments[segments.length - 1] ?? ''}\` is not accepted anywhere`, { hint: 'rename the key' }));
  }
}
