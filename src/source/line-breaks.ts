// Line breaks read the same way by both parsers, whatever the file's line endings.

/**
 * The text with every lone CR (not followed by LF) read as LF. YAML 1.2 counts a lone CR as a line
 * break, js-yaml does too, the `yaml` package does not: normalising first makes both parsers, and
 * the line numbers, agree, so a file gets the same verdict whatever its line endings
 * (docs/decisions.md). One character for one: every offset stays valid.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
