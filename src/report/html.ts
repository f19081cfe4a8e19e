// Writing HTML and SVG text safely: every value that comes from input (subscription ids,
// transaction ids, paths) goes through `escapeHtml`, in text and in attributes alike.

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** ` name="value"` pairs for the defined entries, escaped; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** A coordinate with at most one decimal, without a trailing `.0`: keeps SVG paths short. */
export function coord(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * A fragment id for `text`, prefixed: letters, digits and `-` stay, anything else becomes `_hex_`,
 * so two different texts never share an id.
 */
export function fragmentId(prefix: string, text: string): string {
  return `${prefix}-${text.replace(/[^A-Za-z0-9-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}
