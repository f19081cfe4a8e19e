// Shared inputs for the formatter tests: a small repo's sources, a fixed set of diagnostics that
// covers every shape a formatter must print, and registry entries for their codes.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { CodeDefinition, CodeSpec } from '../../src/diagnostics/registry.js';
import { codeUrl } from '../../src/diagnostics/url.js';

const LONG_DESCRIPTION =
  'description: ' +
  'Meetings for small teams with recording and chat, billed monthly. '.repeat(2) +
  'Support contact uses secret_token for the legacy bridge. ' +
  'Rooms are created on demand and removed after thirty days of inactivity by the platform. '.repeat(2);

/** Column (1-based) of `secret_token` on the long line. */
export const SECRET_COLUMN = LONG_DESCRIPTION.indexOf('secret_token') + 1;

/** Source files by path; a path missing here has no readable source. */
export const SOURCES: Record<string, string> = {
  'packages.d/meet.yaml': [
    '# Standard meeting package',
    'code: meet-standard',
    'name: 会議 Standard',
    'service_type: meet',
    'price:\t-5',
    'features:',
    '  max_room: 4',
    '  recording: yes',
    LONG_DESCRIPTION,
    '',
  ].join('\n'),
  'packages.d/webinar.yaml': [
    'code: webinar-basic',
    'name: Webinar Basic',
    'service_type: webinar',
    '---',
    'code: meet-standard',
    'name: Webinar Copy',
    'service_type: webinar',
    'features:',
    '  recording:',
    '    value: true',
    '    periodicity_type: month',
    '    periodicity: 1',
    '',
  ].join('\n'),
};

/** The reader the pretty formatter gets in tests. */
export const readSource = (file: string): string | undefined => SOURCES[file];

/** What the fixture run looked at. */
export const STATS = { files: 3, packages: 4 };

/**
 * The fixed diagnostics, deliberately out of order: errors, warnings and an info; a hint; related
 * locations; a multi-line span; a tab before the span; wide characters before the span; a line
 * too long to show whole; a file with no source; a diagnostic with no file; several files.
 */
export const DIAGNOSTICS: Diagnostic[] = [
  {
    code: 'SP4001',
    severity: 'error',
    message: 'duplicate package code `meet-standard`',
    file: 'packages.d/webinar.yaml',
    line: 5,
    column: 7,
    end_line: 5,
    end_column: 20,
    path: '/code',
    document: 1,
    related: [
      { file: 'packages.d/meet.yaml', line: 2, column: 7, end_line: 2, end_column: 20, message: 'first defined here' },
    ],
  },
  {
    code: 'SP2003',
    severity: 'error',
    message: 'unknown feature `max_room`',
    file: 'packages.d/meet.yaml',
    line: 7,
    column: 3,
    end_line: 7,
    end_column: 11,
    path: '/features/max_room',
    document: 0,
    hint: 'did you mean `max_rooms`?',
  },
  {
    code: 'SP9001',
    severity: 'error',
    message: 'unknown option `--strcit`',
    file: '',
    line: 0,
    column: 0,
    end_line: 0,
    end_column: 0,
    path: '',
    hint: 'did you mean `--strict`?',
  },
  {
    code: 'SP2010',
    severity: 'error',
    message: '`price` must be a number ≥ 0, found -5',
    file: 'packages.d/meet.yaml',
    line: 5,
    column: 8,
    end_line: 5,
    end_column: 10,
    path: '/price',
    document: 0,
  },
  {
    code: 'SP3010',
    severity: 'warning',
    message: '`periodicity_type` and `periodicity` have no effect on `recording`, which is not consumable',
    file: 'packages.d/webinar.yaml',
    line: 9,
    column: 3,
    end_line: 13,
    end_column: 1,
    path: '/features/recording',
    document: 1,
  },
  {
    code: 'SP1004',
    severity: 'info',
    message: '`yes` is the string "yes" in YAML 1.2, not a boolean',
    file: 'packages.d/meet.yaml',
    line: 8,
    column: 14,
    end_line: 8,
    end_column: 17,
    path: '/features/recording',
    document: 0,
    hint: 'write `true` for a boolean',
  },
  {
    code: 'SP3020',
    severity: 'error',
    message: '`secret_token` looks like a credential; credentials never belong in git',
    file: 'packages.d/meet.yaml',
    line: 9,
    column: SECRET_COLUMN,
    end_line: 9,
    end_column: SECRET_COLUMN + 'secret_token'.length,
    path: '/description',
    document: 0,
  },
  {
    code: 'SP4002',
    severity: 'warning',
    message: 'package name `会議 Standard` is also used by `meet-premium`',
    file: 'packages.d/meet.yaml',
    line: 3,
    column: 7,
    end_line: 3,
    end_column: 18,
    path: '/name',
    document: 0,
  },
  {
    code: 'SP1001',
    severity: 'error',
    message: 'YAML syntax error: unexpected end of flow mapping',
    file: 'packages.d/missing.yaml',
    line: 4,
    column: 1,
    end_line: 4,
    end_column: 2,
    path: '',
    document: 0,
  },
];

/** Registry entries for the fixture codes (SP9001 deliberately left out: an unknown code). */
export const CODES: CodeDefinition[] = ([
  {
    code: 'SP2003',
    severity: 'error',
    title: 'Unknown feature',
    description: 'A feature code under `features` is not in the catalog.',
    example: 'features:\n  max_room: 4\n',
    fix: 'Use a feature code from the catalog; the hint names the closest one.',
  },
  {
    code: 'SP1001',
    severity: 'error',
    title: 'YAML syntax error',
    description: 'The file is not valid YAML, so none of its packages can be checked.',
    example: 'features: {max_rooms: 4\n',
    fix: 'Correct the syntax at the position shown.',
  },
  {
    code: 'SP4001',
    severity: 'error',
    title: 'Duplicate package code',
    description: 'Two packages share a `code`; codes identify packages in git and in the lockfile.',
    example: 'code: meet-standard\n---\ncode: meet-standard\n',
    fix: 'Give one of the packages another code, or set `previous_code` if it was renamed.',
  },
  {
    code: 'SP1004',
    severity: 'info',
    title: 'YAML 1.1 boolean',
    description: 'A value that YAML 1.1 read as a boolean is a string in YAML 1.2.',
    example: 'recording: yes\n',
    fix: 'Write `true` or `false`, or quote the string.',
  },
  {
    code: 'SP3010',
    severity: 'warning',
    title: 'Reset settings on a non-consumable feature',
    description: 'A long-form feature value sets reset settings on a feature whose usage is never given back.',
    example: 'features:\n  recording:\n    value: true\n    periodicity: 1\n',
    fix: 'Use the short form `recording: true`.',
  },
  {
    code: 'SP2010',
    severity: 'error',
    title: 'Number out of range',
    description: 'A number is outside the range its property allows.',
    example: 'price: -5\n',
    fix: 'Use a value within the range named in the message.',
  },
  {
    code: 'SP3020',
    severity: 'error',
    title: 'Credential in a package',
    description: 'A key or value looks like a secret. Credentials never belong in git.',
    example: 'package_settings:\n  api_key: abc123\n',
    fix: 'Remove the secret and configure it in the platform instead.',
  },
  {
    code: 'SP4002',
    severity: 'warning',
    title: 'Duplicate package name',
    description: 'Two packages of one service type share a `name`, which confuses customers.',
    example: 'name: Meet\n---\nname: Meet\n',
    fix: 'Give each package its own name.',
  },
] satisfies CodeSpec[]).map((c) => ({ ...c, fatal: false, url: codeUrl(c.code) }));

/** Registry lookup over `CODES`. */
export const lookupCode = (code: string): CodeDefinition | undefined => CODES.find((c) => c.code === code);

/** A diagnostic with sensible defaults, for targeted tests. */
export function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    code: 'SP2003',
    severity: 'error',
    message: 'unknown feature `max_room`',
    file: 'packages.d/meet.yaml',
    line: 7,
    column: 3,
    end_line: 7,
    end_column: 11,
    path: '/features/max_room',
    ...overrides,
  };
}

/** Remove ANSI escape sequences. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
