// One walk over a document's nodes for what only the source shows: forbidden keys as written and
// YAML 1.1 look-alikes (docs/packages.md#broken-and-hostile-input).
import type { Document, Node as YamlNode } from 'yaml';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { keyString, nodeRange } from './nodes.js';
import { FORBIDDEN_KEYS } from './plain.js';
import { escapePointerSegment } from './pointer.js';
import type { SpanAt } from './source-file.js';
import { yaml } from './yaml-module.js';

/** Patterns scanNodes looks for, tested on the whole text first: most files have none of them. */
const SCAN_TRIGGER = /__proto__|constructor|prototype|\b(?:yes|no|on|off)\b|\b0[0-9]|[0-9]:[0-5]?[0-9]/i;

/** Whether a text may hold anything scanNodes reports (a cheap gate before the walk). */
export function mayNeedScan(text: string): boolean {
  return SCAN_TRIGGER.test(text);
}

const YAML11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;
const OCTAL_LOOKING = /^[-+]?0[0-9]+$/;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Flag forbidden keys and YAML 1.1 look-alikes (docs/packages.md#broken-and-hostile-input) in one walk over the nodes. */
export function scanNodes(doc: Document.Parsed, file: string, index: number, at: SpanAt, out: Diagnostic[]): void {
  const stack: [YamlNode, string][] = [[doc.contents as YamlNode, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [YamlNode, string];
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        const key = keyString(pair.key);
        const childPointer = `${pointer}/${escapePointerSegment(String(key ?? ''))}`;
        if (key !== undefined && FORBIDDEN_KEYS.has(key) && pair.key && typeof pair.key === 'object') {
          const [start, end] = nodeRange(pair.key as YamlNode);
          out.push(diagnosticOf(SOURCE_CODES.forbiddenKey, { ...at(start, end), file, path: childPointer, document: index }, `the key \`${key}\` is not accepted anywhere`, { hint: 'rename the key' }));
        }
        if (pair.value && typeof pair.value === 'object') stack.push([pair.value as YamlNode, childPointer]);
      }
    } else if (yaml().isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object') stack.push([item as YamlNode, `${pointer}/${i}`]);
      });
    } else if (yaml().isScalar(node) && node.type === yaml().Scalar.PLAIN && typeof node.source === 'string') {
      const source = node.source;
      const [start, end] = nodeRange(node);
      const place = { ...at(start, end), file, path: pointer, document: index };
      if (YAML11_BOOLEAN.test(source) && source.length > 1) {
        out.push(
          diagnosticOf(SOURCE_CODES.yaml11Boolean, place, `\`${source}\` is the string "${source}" in YAML 1.2, but a boolean in YAML 1.1`, {
            hint: `write ${/^(?:y|yes|on)$/i.test(source) ? '`true`' : '`false`'} for a boolean, or quote it ("${source}") for a string`,
          }),
        );
      } else if (OCTAL_LOOKING.test(source) && typeof node.value === 'number') {
        out.push(
          diagnosticOf(SOURCE_CODES.yaml11Octal, place, `\`${source}\` is ${node.value} in YAML 1.2, but the octal ${parseInt(source, 8)} in YAML 1.1`, {
            hint: `write ${node.value}, or quote it ("${source}") if it is a string`,
          }),
        );
      } else if (SEXAGESIMAL.test(source) && typeof node.value === 'string') {
        out.push(
          diagnosticOf(SOURCE_CODES.yaml11Sexagesimal, place, `\`${source}\` is a string in YAML 1.2, but the base-60 number ${sexagesimal(source)} in YAML 1.1`, {
            hint: `write ${sexagesimal(source)} for a number, or quote it ("${source}") for a string`,
          }),
        );
      }
    }
  }
}

/** The number YAML 1.1 reads from a base-60 literal such as `1:30`. */
function sexagesimal(source: string): number {
  const sign = source.startsWith('-') ? -1 : 1;
  const parts = source.replace(/^[-+]/, '').replace(/_/g, '').split(':');
  let total = 0;
  for (const part of parts) total = total * 60 + Number(part);
  return sign * total;
}
