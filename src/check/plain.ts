// A checked file as plain data (structured-clone safe, no functions): what a worker thread sends
// back and what the result cache stores. Positions are left out: they are recomputed from the
// text, on the main thread, only when a later rule or a printer asks for one.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ServicePackage } from '../generated/service-package.js';
import { lazyDocument, lazyPositions, type LazyPositions } from '../source/fast.js';
import type { ParseOptions } from '../source/parse.js';
import type { CheckedPackage } from './context.js';
import type { CheckedFile } from './run.js';

/** A package as plain data. */
export interface PlainPackage {
  /** Document index in its file. */
  index: number;
  /** The document as written. */
  raw: Readonly<Record<string, unknown>>;
  /** The well-typed view. */
  pkg: Partial<ServicePackage>;
  /** Whether it passed its schema. */
  schemaValid: boolean;
}

/** A checked file as plain data, without its text. */
export interface PlainFile {
  /** Display path. */
  file: string;
  /** Problems confined to this file. */
  diagnostics: Diagnostic[];
  /** Its packages. */
  packages: PlainPackage[];
  /** Whether the fast path read it (see CheckedFile). */
  fastPath: boolean;
}

/** The plain data of a checked file. */
export function toPlain(checked: CheckedFile): PlainFile {
  return {
    file: checked.file,
    diagnostics: checked.diagnostics,
    packages: checked.packages.map((p) => ({ index: p.source.index, raw: p.raw, pkg: p.pkg, schemaValid: p.schemaValid })),
    fastPath: checked.fastPath,
  };
}

/** A checked file again, from its plain data and the text it was checked with. */
export function fromPlain(plain: PlainFile, text: string, parseOptions: ParseOptions): CheckedFile {
  const positions = lazyPositions(plain.file, text, parseOptions, plain.fastPath);
  const packages = plain.packages.map((p) => checkedPackage(plain.file, p, positions));
  return { file: plain.file, text, diagnostics: plain.diagnostics, packages, packageCount: packages.length, fastPath: plain.fastPath };
}

/** What the result cache keeps of a file besides its packages (cache-file.ts). */
export interface PlainResult {
  /** Display path. */
  file: string;
  /** Problems confined to this file. */
  diagnostics: Diagnostic[];
  /** Whether the fast path read it (see CheckedFile). */
  fastPath: boolean;
  /** How many packages it holds. */
  packageCount: number;
}

/**
 * A checked file from the result cache, whose packages are read only when something asks for them
 * (the rules across packages when a file changed, compile, a library caller): `load` reads them
 * from the packages file, and when that cannot give them (missing, damaged) `recheck` checks the
 * text again for them.
 */
export function fromCached(
  result: PlainResult,
  text: string,
  parseOptions: ParseOptions,
  load: () => PlainPackage[] | undefined,
  recheck: () => CheckedPackage[],
): CheckedFile {
  let packages: CheckedPackage[] | undefined;
  return {
    file: result.file,
    text,
    diagnostics: result.diagnostics,
    packageCount: result.packageCount,
    fastPath: result.fastPath,
    get packages(): CheckedPackage[] {
      if (packages === undefined) {
        const plain = load();
        if (plain === undefined || plain.length !== result.packageCount) packages = recheck();
        else {
          const positions = lazyPositions(result.file, text, parseOptions, result.fastPath);
          packages = plain.map((p) => checkedPackage(result.file, p, positions));
        }
      }
      return packages;
    },
  };
}

function checkedPackage(file: string, p: PlainPackage, positions: LazyPositions): CheckedPackage {
  return { source: lazyDocument(file, p.index, p.raw, positions), raw: p.raw, pkg: p.pkg, schemaValid: p.schemaValid };
}
