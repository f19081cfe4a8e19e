// Usage errors in our words, through the built CLI (issue 12): a misspelt flag gets "did you
// mean", and parseArgs's own messages ("argument missing", "ambiguous") never reach the user.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runProcess, VALID_PACKAGE } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await makeRepo({ 'packages.d/basic.yaml': VALID_PACKAGE });
});

const run = (args: string[]) => runProcess(args, { cwd: dir });

describe('usage errors', () => {
  it.each([
    [['validate', '--fromat', 'json'], 'svcpkg: unknown option --fromat (did you mean --format?)\n'],
    [['compile', '--emti', 'json'], 'svcpkg: unknown option --emti (did you mean --emit?)\n'],
    [['diff', '--fail-no', 'any', 'a', 'b'], 'svcpkg: unknown option --fail-no (did you mean --fail-on?)\n'],
    [['compile', '--emit'], 'svcpkg: --emit needs a value: json or ts\n'],
    [['compile', '--emit', '--strict'], 'svcpkg: --emit needs a value: json or ts\n'],
    [['validate', '--max-file-size', '-5'], 'svcpkg: --max-file-size must be a positive number of bytes, got -5\n'],
    [['validate', '--max-file-size'], 'svcpkg: --max-file-size needs a value: a positive number of bytes\n'],
    [['validate', '--format'], 'svcpkg: --format needs a value: pretty, json, sarif or github\n'],
    [['simulate', '--format'], 'svcpkg: --format needs a value: table or json\n'],
    [['explain', '--format'], 'svcpkg: --format needs a value: text or json\n'],
    [['validate', '--strict=yes'], 'svcpkg: --strict takes no value\n'],
  ])('%j → %j, exit 2', async (args, message) => {
    const result = await run(args);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('an unknown option with no close match lists the options instead', async () => {
    const result = await run(['validate', '--xyzzy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^svcpkg: unknown option --xyzzy\n\nUsage: svcpkg validate/);
    expect(result.stderr).not.toContain('did you mean');
  });

  it('a negative number after a value flag is its value, not an option', async () => {
    const result = await run(['validate', '--jobs', '-2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('svcpkg: --jobs takes a positive whole number, got `-2`\n');
  });

  it('everything after -- is left alone', async () => {
    const result = await run(['validate', '--', '--max-file-size', '-5']);
    // Both are paths now: neither exists, so the run is unusable, but no flag was read.
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).not.toContain('must be a positive number');
  });
});
