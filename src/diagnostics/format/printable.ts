// Make untrusted text safe to print: source lines and messages may carry escape sequences,
// bidirectional overrides or stray control bytes that would restyle, hide or reorder output.

/** U+FFFD, shown for characters that have no visible form of their own. */
const REPLACEMENT = '\uFFFD';

/**
 * The visible stand-in for one code point that must not reach a terminal or log as is, or
 * `undefined` when the code point is safe. Every stand-in is one column wide, so code frames keep
 * their alignment: C0 controls and DEL become Unicode control pictures (ESC → ␛, LF → ␊), C1
 * controls (some terminals read U+009B as an escape), bidirectional overrides and isolates (the
 * "Trojan Source" characters), the Unicode line and paragraph separators and lone surrogates
 * become U+FFFD.
 */
export function visibleStandIn(codePoint: number): string | undefined {
  if (codePoint < 0x20) return String.fromCharCode(0x2400 + codePoint);
  if (codePoint === 0x7f) return '\u2421';
  if (codePoint >= 0x80 && codePoint <= 0x9f) return REPLACEMENT;
  if (codePoint === 0x200e || codePoint === 0x200f) return REPLACEMENT;
  if (codePoint >= 0x2028 && codePoint <= 0x202e) return REPLACEMENT;
  if (codePoint >= 0x2066 && codePoint <= 0x2069) return REPLACEMENT;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return REPLACEMENT; // a lone surrogate
  return undefined;
}

/**
 * One line of printable text: every unsafe code point replaced by its stand-in (tabs become one
 * space), so a message can neither break the line nor inject escape sequences.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += codePoint === 0x09 ? ' ' : (visibleStandIn(codePoint) ?? char);
  }
  return out;
}
