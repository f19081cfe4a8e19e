// `svcpkg explain CODE`: the resolved package, each value with its origin (docs/compile.md#svcpkg-explain-package).
import { explainPackage, type Explanation, type ExplainedValue } from '../../compile/explain.js';
import { UsageError } from '../../diagnostics/errors.js';
import { printable } from '../../diagnostics/format/printable.js';
import { parseCommandArgs } from '../args.js';
import { CATALOG_OPTION, CONFIG_OPTION, HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { loadProject, printUsage, repoOptions } from '../project.js';
import { exitCodeFor, failureExitCode } from '../exit-code.js';
import { printDiagnostics, userPath } from '../output.js';

export const OPTIONS = {
  format: { type: 'string', placeholder: 'NAME', help: [`text | json (default: text)`] },
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg explain CODE [options]

Show the package CODE as the manifest holds it, each value with where it came from:
  package   written in its YAML
  catalog   the catalog (a feature's definition, its default reset settings)
  schema    the package schema's default, or null for an optional property left out
  lockfile  an id from svcpkg.lock.json

Options:
${optionsHelp(OPTIONS, 18)}

Exit codes: 0 explained, 1 no such package or the package has errors, 2 usage, configuration or I/O failure.`;

/** Version of the JSON output's shape. */
export const EXPLAIN_FORMAT_VERSION = 1;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) return printUsage(io, USAGE);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, got \`${format}\``);
  const [code, ...extra] = positionals;
  if (code === undefined) throw new UsageError(`explain needs a package code\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`explain takes one package code, got ${positionals.length}`);

  const diagnosticFormat = format === 'json' ? 'json' : 'pretty';
  const project = await loadProject(io, { catalog: values.catalog, config: values.config }, diagnosticFormat);
  const config = project.config;
  if (!config) return exitCodeFor(project.diagnostics, { strict: false });
  const result = await explainPackage({
    ...repoOptions(config, io),
    lockfile: config.lockfile,
    code,
  });
  // Without a usable catalog or packages folder, nothing can be explained.
  const failure = exitCodeFor(result.diagnostics, { strict: false });
  if (failure === 2) {
    printDiagnostics(result.diagnostics, diagnosticFormat, io, { files: 0, packages: 0, root: config.root });
    return failure;
  }
  if (result.notFound) {
    const hint = result.notFound.hint ?? (result.notFound.known.length > 0 ? `known packages: ${result.notFound.known.join(', ')}` : 'the packages folder holds no package');
    io.stderr.write(`svcpkg: no package has the code \`${printable(code)}\`; ${printable(hint)}\n`);
    return 1;
  }
  if (!result.explanation) {
    io.stderr.write(`svcpkg: \`${printable(code)}\` cannot be explained until these errors are fixed:\n`);
    printDiagnostics(result.diagnostics, diagnosticFormat, io, { files: 0, packages: 0, root: config.root });
    return failureExitCode(result.diagnostics);
  }
  const explanation = { ...result.explanation, file: userPath(config.root, io.cwd)(result.explanation.file) };
  io.stdout.write(format === 'json' ? renderJson(explanation) : renderText(explanation));
  return 0;
}

/** `{format_version, code, file, line, package, values}`. */
function renderJson(explanation: Explanation): string {
  return JSON.stringify({ format_version: EXPLAIN_FORMAT_VERSION, ...explanation }, null, 2) + '\n';
}

/** Catalog fields each feature carries; the text view shows only the value, the reset and the overage price. */
const FEATURE_DETAIL = /^\/features\/[^/]+\/(?!value$|periodicity_type$|periodicity$|overage(?:$|\/))/;
/** An overage price's parts (docs/revenue.md): the text view leaves out the null ones (not priced, not used by the model). */
const OVERAGE_PART = /^\/features\/[^/]+\/overage(?:$|\/)/;

/** A table of `path  value  origin (note)`, features reduced to value, reset and overage price. */
function renderText(explanation: Explanation): string {
  const rows = explanation.values
    .filter((v) => !FEATURE_DETAIL.test(v.path) && !(v.value === null && OVERAGE_PART.test(v.path)))
    .map((v) => [printable(dotted(v.path)), shown(v.value), printable(origin(v))] as const);
  const pathWidth = Math.max(...rows.map((r) => r[0].length), 4);
  const valueWidth = Math.max(...rows.map((r) => r[1].length), 5);
  const lines = [
    `${printable(explanation.code)} — ${printable(explanation.file)}:${explanation.line}`,
    '',
    `  ${'path'.padEnd(pathWidth)}  ${'value'.padEnd(valueWidth)}  origin`,
    ...rows.map(([p, v, o]) => `  ${p.padEnd(pathWidth)}  ${v.padEnd(valueWidth)}  ${o}`),
    '',
    'Each feature also carries its full catalog definition: --format json shows every value in full.',
  ];
  return lines.join('\n') + '\n';
}

function dotted(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/** Longest value shown whole in the table; --format json has every value in full. */
const VALUE_WIDTH = 48;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = printable(text.replace(/\s+/g, ' '));
  return line.length > VALUE_WIDTH ? `${line.slice(0, VALUE_WIDTH - 1)}…` : line;
}

const ORIGIN_LABELS: Record<ExplainedValue['origin'], string> = {
  package: 'package',
  catalog: 'catalog',
  schema: 'schema default',
  lockfile: 'lockfile',
};

function origin(value: ExplainedValue): string {
  const label = ORIGIN_LABELS[value.origin];
  return value.note ? `${label} (${value.note})` : label;
}
