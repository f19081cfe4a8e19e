// What a command may touch of the outside world: streams, working directory, environment.

/** A writable text stream (process.stdout, or a buffer in tests). */
export interface TextOutput {
  /** Write text. */
  write(text: string): unknown;
  /** True when it is a terminal. */
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

/** The outside world of one command run. */
export interface CommandIO {
  /** Where results go. */
  stdout: TextOutput;
  /** Where progress and problems go. */
  stderr: TextOutput;
  /** Working directory. */
  cwd: string;
  /** Environment variables. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM for long-running commands (watch). */
  signal?: AbortSignal;
}

/** A command: parses its own arguments, returns its exit code, throws only named errors. */
export interface Command {
  /** Run it. */
  run(args: string[], io: CommandIO): Promise<number>;
}

/** The real process's IO. */
export function processIO(): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
