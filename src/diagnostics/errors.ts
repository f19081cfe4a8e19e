// The few failures that are not diagnostics. The CLI maps each to an exit code in one place (docs/diagnostics.md#diagnostics).

/** The command line is wrong: unknown flag, missing argument. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The configuration is unusable: a bad svcpkg.config.yaml, a missing catalog folder. Exit 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A file could not be read or written. Exit 2. */
export class IoError extends Error {
  override readonly name = 'IoError';
}
