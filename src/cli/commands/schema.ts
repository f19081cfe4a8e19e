// `svcpkg schema [--out DIR]`: JSON Schemas specialised with the active catalog, for editors (docs/workflow.md#editors-completion-and-checks-as-you-type).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { UsageError } from '../../diagnostics/errors.js';
import { displayPath } from '../../source/discover.js';
import { editorSchemas } from '../../workflow/editor-schema.js';
import { parseCommandArgs } from '../args.js';
import { CATALOG_OPTION, CONFIG_OPTION, HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { loadProject, printUsage } from '../project.js';
import { exitCodeFor, failureExitCode } from '../exit-code.js';
import { chooseFormat, printDiagnostics } from '../output.js';

export const OPTIONS = {
  out: {
    type: 'string',
    placeholder: 'DIR',
    accepts: 'a folder',
    help: [`folder to write the schemas into (created if needed)`],
  },
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  format: { type: 'string', placeholder: 'NAME', accepts: 'pretty, json, sarif or github', help: [`format of catalog problems: pretty | json | sarif | github`] },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg schema [--out DIR] [options]

Build the JSON Schemas editors use for completion and checks as you type (the YAML language
server: VS Code's YAML extension, vim/neovim, Helix, JetBrains), specialised with the active
catalog: feature codes with their descriptions, service types and provider types as enums.

Without --out, print the package schema to stdout. With --out DIR, write into DIR:
  service-package.schema.json   for packages.d/**/*.yaml
  svcpkg.config.schema.json     for svcpkg.config.yaml
Files whose content is unchanged are not rewritten. \`svcpkg init\` uses DIR = .svcpkg/schemas.

Options:
${optionsHelp(OPTIONS, 19)}

Exit codes: 0 written, 1 the catalog has errors, 2 usage, configuration or I/O failure.`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) return printUsage(io, USAGE);
  const format = chooseFormat(values.format, io);
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\` (did you mean --out ${positionals[0]}?)\n\n${USAGE}`);
  const project = await loadProject(io, { catalog: values.catalog, config: values.config }, format);
  const config = project.config;
  if (!config) return exitCodeFor(project.diagnostics, { strict: false });
  const loaded = await loadCatalog(config.catalog, io.cwd);
  if (!loaded.catalog) {
    printDiagnostics(loaded.diagnostics, format, io, { files: loaded.files.length, packages: 0 });
    return failureExitCode(loaded.diagnostics);
  }
  const schemas = editorSchemas(loaded.catalog);
  if (values.out === undefined) {
    io.stdout.write(JSON.stringify(schemas[0]?.schema, null, 2) + '\n');
    return 0;
  }
  const outDir = path.resolve(io.cwd, values.out);
  await mkdir(outDir, { recursive: true });
  for (const { file, describes, schema } of schemas) {
    const target = path.join(outDir, file);
    const text = JSON.stringify(schema, null, 2) + '\n';
    const unchanged = (await readFile(target, 'utf8').catch(() => undefined)) === text;
    if (!unchanged) await writeFile(target, text);
    io.stderr.write(`${unchanged ? 'unchanged' : 'wrote'} ${displayPath(target, io.cwd)} (${describes})\n`);
  }
  return 0;
}
