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
 * One line of printable text: every unsafe code point replaced by a visible stand-in (tabs become
 * one space), so a message can neither break the line nor inject escape sequences. C0 controls and
 * DEL keep their control pictures (␛, ␊); the rest, whose U+FFFD would hide what was there, are
 * written as `\u{202E}` (a message has no columns to keep aligned, unlike a code frame).
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === 0x09) out += ' ';
    else {
      const standIn = visibleStandIn(codePoint);
      out += standIn === undefined ? char : standIn === REPLACEMENT ? `\\u{${codePoint.toString(16).toUpperCase()}}` : standIn;
    }
  }
  return out;
}

/**
 * Printable text that may span lines: each line made printable on its own, line feeds kept (for
 * outputs that escape or indent them themselves, such as GitHub annotation messages).
 */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
