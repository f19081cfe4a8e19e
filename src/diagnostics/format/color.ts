// Terminal colour for the human-readable formatters: when to use it, and the few ANSI styles we print.

/** The part of an output stream that decides colour: whether it is a terminal. */
export interface ColorTarget {
  /** True when the stream is a TTY (Node sets it on `process.stdout`/`stderr`). */
  isTTY?: boolean;
}

/** Environment variables as Node exposes them (`process.env`). */
export type Environment = Readonly<Record<string, string | undefined>>;

// Node's own rule (doc/api/cli.md, FORCE_COLOR): these values force colour and make NO_COLOR and
// NODE_DISABLE_COLORS ignored; any other value of FORCE_COLOR (`0`, `false`) disables it.
const FORCE_COLOR_ON = new Set(['', '1', '2', '3', 'true']);

/**
 * Decide whether to colour output written to `stream`: `FORCE_COLOR` wins (on or off), then
 * `NO_COLOR` / `NODE_DISABLE_COLORS` (when non-empty, per no-color.org) and `TERM=dumb` turn
 * colour off, and otherwise colour is used only on a TTY.
 */
export function shouldUseColor(stream: ColorTarget, env: Environment): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return FORCE_COLOR_ON.has(force.trim().toLowerCase());
  if (env['NO_COLOR']) return false;
  if (env['NODE_DISABLE_COLORS']) return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/** A function that wraps text in one style (or returns it unchanged when colour is off). */
export type Style = (text: string) => string;

/** The styles the formatters use, named by what they are for. */
export interface Palette {
  /** Error severity and the ✖ summary. */
  error: Style;
  /** Warning severity and the ⚠ summary. */
  warning: Style;
  /** Info severity. */
  info: Style;
  /** The ✔ summary. */
  success: Style;
  /** File headings. */
  heading: Style;
  /** Secondary text: codes, gutters, related locations. */
  dim: Style;
  /** The `hint:` label. */
  hint: Style;
}

function ansi(open: number, close: number): Style {
  // Re-open after every inner close so nested styles (e.g. a dim code inside a red line) survive.
  const openSeq = `\u001b[${open}m`;
  const closeSeq = `\u001b[${close}m`;
  return (text) => (text === '' ? '' : openSeq + text.split(closeSeq).join(closeSeq + openSeq) + closeSeq);
}

function compose(...styles: Style[]): Style {
  return (text) => styles.reduceRight((acc, style) => style(acc), text);
}

const plain: Style = (text) => text;

/** The palette for `color`: ANSI escapes when true, identity functions when false. */
export function palette(color: boolean): Palette {
  if (!color) {
    return { error: plain, warning: plain, info: plain, success: plain, heading: plain, dim: plain, hint: plain };
  }
  const bold = ansi(1, 22);
  return {
    error: compose(bold, ansi(31, 39)),
    warning: compose(bold, ansi(33, 39)),
    info: compose(bold, ansi(34, 39)),
    success: compose(bold, ansi(32, 39)),
    heading: compose(bold, ansi(4, 24)),
    dim: ansi(2, 22),
    hint: compose(bold, ansi(36, 39)),
  };
}
