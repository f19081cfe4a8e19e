// Each command declares its options once (src/cli/options.ts): the help lists exactly the flags
// the parser accepts, and the help's layout comes from the declaration.
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import { acceptedValues, optionsHelp, type OptionSpecs } from '../../src/cli/options.js';
import { UsageError } from '../../src/diagnostics/errors.js';

const COMMANDS = ['validate', 'compile', 'explain', 'simulate', 'diff', 'init', 'schema', 'hook', 'watch'] as const;

async function command(name: (typeof COMMANDS)[number]): Promise<{ OPTIONS: OptionSpecs; USAGE: string }> {
  return (await import(`../../src/cli/commands/${name}.ts`)) as { OPTIONS: OptionSpecs; USAGE: string };
}

/** The flags a help text documents, in its "Options:" block. */
function documentedFlags(usage: string): string[] {
  const block = usage.split('\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
  return [...block.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1] ?? '');
}

describe.each(COMMANDS)('svcpkg %s', (name) => {
  it('documents exactly the options it parses, in declaration order', async () => {
    const { OPTIONS, USAGE } = await command(name);
    const declared = Object.keys(OPTIONS);
    expect(declared.length).toBeGreaterThan(0);
    expect(documentedFlags(USAGE)).toEqual(declared);
  });

  it('accepts every option it documents, and refuses one it does not', async () => {
    const { OPTIONS, USAGE } = await command(name);
    for (const [flag, spec] of Object.entries(OPTIONS)) {
      const args = spec.type === 'string' ? [`--${flag}`, 'x'] : [`--${flag}`];
      const { values } = parseCommandArgs(args, OPTIONS, USAGE);
      expect((values as Record<string, unknown>)[flag], flag).toBe(spec.type === 'string' ? 'x' : true);
    }
    expect(() => parseCommandArgs(['--not-an-option-anywhere'], OPTIONS, USAGE)).toThrow(UsageError);
  });

  it('names what each value option takes when the value is missing', async () => {
    const { OPTIONS, USAGE } = await command(name);
    for (const [flag, spec] of Object.entries(OPTIONS)) {
      if (spec.type !== 'string') continue;
      expect(() => parseCommandArgs([`--${flag}`], OPTIONS, USAGE)).toThrow(new RegExp(`^--${flag} needs a value: \\S`));
    }
  });
});

describe('optionsHelp', () => {
  const specs = {
    out: { type: 'string', placeholder: 'DIR', help: ['output folder', 'second line'] },
    'a-very-long-option-name': { type: 'string', placeholder: 'VALUE', help: ['text'] },
    help: { type: 'boolean', short: 'h', help: ['show this help'] },
  } as const satisfies OptionSpecs;

  it('aligns text at the column, continuation lines too, and a label too long gets two spaces', () => {
    expect(optionsHelp(specs, 16)).toBe(
      [
        '  --out DIR     output folder',
        '                second line',
        '  --a-very-long-option-name VALUE  text',
        '  -h, --help    show this help',
      ].join('\n'),
    );
  });

  it('reads the choices from a first help line that lists them, or says nothing', () => {
    expect(acceptedValues({ type: 'string', help: ['pretty | json | sarif (default: pretty)'] })).toBe('pretty, json or sarif');
    expect(acceptedValues({ type: 'string', help: ['table | json'] })).toBe('table or json');
    expect(acceptedValues({ type: 'string', accepts: 'a folder', help: ['pretty | json'] })).toBe('a folder');
    expect(acceptedValues({ type: 'string', help: ['output folder'] })).toBeUndefined();
  });
});
