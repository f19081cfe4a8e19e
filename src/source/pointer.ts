// JSON pointers (RFC 6901), the way every diagnostic names the place of a value inside its document.

/** Decode one JSON pointer segment (`~1` → `/`, `~0` → `~`). */
export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Split a JSON pointer into decoded segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(decodePointerSegment);
}

/** A JSON pointer segment with `~` and `/` escaped (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** Build a JSON pointer from raw segments. */
export function joinPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    const text = String(segment);
    out += '/' + escapePointerSegment(text);
  }
  return out;
}
