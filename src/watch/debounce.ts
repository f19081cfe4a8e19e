// A trailing debounce: editors save in bursts (write temp, rename, touch) — build once after the last event.

/** Calls `action` once `delayMs` after the last `trigger()`. */
export class Debounce {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  /** (Re)start the delay. */
  trigger(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  /** True while a call is scheduled. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Forget any scheduled call. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
