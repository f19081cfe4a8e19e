// Progress of a long simulation on a terminal (stderr): events processed, events per second, and
// the share done with an estimated time left when the input's size is known. One line, redrawn
// in place at most every 100 ms, and erased at the end. Only for terminals: callers check isTTY.
import { groupDigits } from './table.js';

/** Where the progress line goes (stderr). */
export interface ProgressOutput {
  /** Write text. */
  write(text: string): unknown;
  /** Terminal width, when known: the line is cut to fit. */
  columns?: number;
}

/** How far a run is. */
export interface ProgressState {
  /** Events evaluated so far. */
  events: number;
  /** Share of the input read (0..1), when its size is known. */
  done: number | undefined;
}

/** Options of a progress line. */
export interface ProgressLineOptions {
  /** The clock, in ms (tests inject one). Default: `Date.now`. */
  now?: () => number;
  /** Least time between two redraws, in ms. Default 100 (at most ~10 per second). */
  intervalMs?: number;
}

/** Erase the current terminal line and go back to its start. */
const CLEAR = '\r\x1b[K';

/** `0:07`, `1:02:03`. */
function duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The text of the progress line: `1,234,567 events · 512,000 events/s · 43% · ETA 0:12`. The rate
 * needs some elapsed time; the share and the estimate need a known input size.
 */
export function formatProgress(state: ProgressState, elapsedMs: number): string {
  const parts = [`svcpkg simulate: ${groupDigits(state.events)} event${state.events === 1 ? '' : 's'}`];
  if (elapsedMs >= 50) parts.push(`${groupDigits(Math.round((state.events * 1000) / elapsedMs))} events/s`);
  if (state.done !== undefined) {
    parts.push(`${Math.floor(state.done * 100)}%`);
    if (state.done > 0 && elapsedMs >= 200) parts.push(`ETA ${duration((elapsedMs * (1 - state.done)) / state.done)}`);
  }
  return parts.join(' · ');
}

/** A progress line on a terminal. */
export class ProgressLine {
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly started: number;
  private lastDrawn = -Infinity;
  private drawn = false;

  constructor(
    private readonly output: ProgressOutput,
    options: ProgressLineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  /** Redraw with `state`, unless the last redraw was less than the interval ago. */
  update(state: ProgressState): void {
    const t = this.now();
    if (t - this.lastDrawn < this.intervalMs) return;
    this.lastDrawn = t;
    let text = formatProgress(state, t - this.started);
    const width = this.output.columns;
    if (width !== undefined && width > 1 && text.length >= width) text = text.slice(0, width - 1);
    this.output.write(CLEAR + text);
    this.drawn = true;
  }

  /** Erase the line, if one was drawn. */
  clear(): void {
    if (!this.drawn) return;
    this.output.write(CLEAR);
    this.drawn = false;
  }
}
