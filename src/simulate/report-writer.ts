// Writes a JSON report to a stream section by section, byte-identical to `JSON.stringify(value, null, 2)`:
// one string of a 150,000-subscription report exceeds V8's string limit (docs/simulation.md).

/** Where the JSON goes: a writable stream (process.stdout) or a test sink. */
export interface JsonSink {
  /** Write text; `false` asks the writer to wait for `drain` when the sink has `once`. */
  write(text: string): unknown;
  /** Present on Node streams: used to honour backpressure. */
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  /** Present on Node streams: a write error (EPIPE, ENOSPC) stops the writer, which rejects with it. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** Present on Node streams: true once closed or failed (nothing more can be written). */
  readonly destroyed?: boolean;
  /** Present on Node streams: listeners are removed when done. */
  removeListener?(event: 'drain' | 'close' | 'error', listener: (...args: never[]) => void): unknown;
}

/** Options of {@link writeJson}. */
export interface WriteJsonOptions {
  /**
   * How many levels of objects and arrays the writer opens itself; below that, each value is one
   * `JSON.stringify` call (a report's subscription). 2 opens the report and its `subscriptions` array.
   */
  depth?: number;
  /** Text buffered before a write to the sink (a few sections at once, not one write per line). */
  chunk?: number;
}

const INDENT = '  ';

/**
 * Write `value` as `JSON.stringify(value, null, 2) + '\n'` would, in pieces of about `chunk`
 * characters, awaiting the sink's `drain` when it asks to. Memory is bounded by one section.
 */
export async function writeJson(value: unknown, sink: JsonSink, options: WriteJsonOptions = {}): Promise<void> {
  const depth = options.depth ?? 2;
  const chunk = options.chunk ?? 1 << 16;
  let buffer = '';
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
    wake?.();
  };
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    const ok = sink.write(text);
    if (ok === false && typeof sink.once === 'function') {
      // `close` too: a reader that went away (`| head`) must not leave the writer waiting for ever.
      await new Promise<void>((resolve) => {
        const done = (): void => {
          sink.removeListener?.('drain', done);
          sink.removeListener?.('close', done);
          wake = undefined;
          resolve();
        };
        wake = done;
        sink.once?.('drain', done);
        sink.once?.('close', done);
      });
    } else if (typeof sink.on === 'function') {
      // Let the stream report what happened (an EPIPE is emitted on a later tick, even for a
      // synchronous pipe): a chain of awaits alone never gives it the turn.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (failure) throw failure;
    if (sink.destroyed) throw Object.assign(new Error('the output was closed'), { code: 'EPIPE' });
  };
  const emit = async (text: string): Promise<void> => {
    buffer += text;
    if (buffer.length >= chunk) await flush();
  };

  /** Emit `item` (already the result of toJSON) at `level` of indentation. */
  const write = async (item: unknown, level: number): Promise<void> => {
    const open = level < depth && item !== null && typeof item === 'object';
    if (!open) {
      // JSON.stringify's own text, re-indented: a raw newline in it is always structure (strings escape theirs).
      const text = JSON.stringify(item, null, 2) as string | undefined;
      await emit((text ?? 'null').replaceAll('\n', '\n' + INDENT.repeat(level)));
      return;
    }
    const inner = '\n' + INDENT.repeat(level + 1);
    if (Array.isArray(item)) {
      if (item.length === 0) return emit('[]');
      for (let i = 0; i < item.length; i++) {
        await emit((i === 0 ? '[' : ',') + inner);
        // An array keeps a slot for what JSON.stringify omits from objects: it writes `null`.
        const element = jsonOf(item[i], String(i));
        await write(omitted(element) ? null : element, level + 1);
      }
      return emit('\n' + INDENT.repeat(level) + ']');
    }
    let first = true;
    for (const key of Object.keys(item)) {
      const member = jsonOf((item as Record<string, unknown>)[key], key);
      if (omitted(member)) continue;
      await emit((first ? '{' : ',') + inner + JSON.stringify(key) + ': ');
      first = false;
      await write(member, level + 1);
    }
    return emit(first ? '{}' : '\n' + INDENT.repeat(level) + '}');
  };

  sink.on?.('error', onError);
  try {
    await write(jsonOf(value, ''), 0);
    await emit('\n');
    await flush();
  } catch (error) {
    sink.removeListener?.('error', onError);
    throw error;
  }
  // The listener stays on success: a write error still to come (the last write) must not crash.
}

/** The value JSON.stringify serialises for `value`: its `toJSON(key)` when it has one. */
function jsonOf(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Values JSON.stringify leaves out of an object (and writes as `null` in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
