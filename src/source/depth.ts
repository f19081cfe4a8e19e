// A cheap nesting estimate taken before parsing. The `yaml` parser recurses per level, and V8 can die
// with a fatal out-of-memory (not a catchable RangeError) when the stack runs out inside a regular
// expression: so absurd nesting must be refused before the parser ever sees it.

/** Nesting beyond which a file is refused without parsing, whatever `max_depth` says. */
export const HARD_DEPTH_LIMIT = 512;

/**
 * Estimate the deepest nesting of a YAML text: block levels from indentation and `- ` markers, plus
 * flow levels from brackets outside quotes and comments. Returns the offset where the limit is first
 * crossed, or -1 when it never is. It over-estimates rather than under-estimates, which is safe: a
 * text it passes is shallow enough for the parser, and the exact check runs on the parsed nodes.
 */
export function findExcessiveNesting(text: string, limit = HARD_DEPTH_LIMIT): number {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | '' = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lineStart = true;
      indent = 0;
      if (quote === "'" && flow === 0) quote = '';
      continue;
    }
    if (quote !== '') {
      if (quote === '"' && c === 92 /* \ */) i++;
      else if (c === quote.charCodeAt(0)) quote = '';
      continue;
    }
    if (lineStart) {
      if (c === 32 /* space */) {
        indent++;
        continue;
      }
      lineStart = false;
      if (c === 35 /* # */) {
        i = skipToLineEnd(text, i);
        continue;
      }
      if (flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
        // Compact sequences (`- - - x`) open one level per marker.
        let j = i;
        while (text.charCodeAt(j) === 45 /* - */ && text.charCodeAt(j + 1) === 32) {
          indents.push(indent + (j - i) + 1);
          j += 2;
        }
        if (indents.length + flow > limit) return i;
      }
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      i = skipToLineEnd(text, i);
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c === 34 ? '"' : "'";
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      flow++;
      if (indents.length + flow > limit) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) {
      flow--;
    }
  }
  return -1;
}

function skipToLineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end - 1;
}
