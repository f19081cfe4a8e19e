// Reading svcpkg.lock.json: a missing file is an empty lockfile; anything unreadable, corrupt or
// hand-edited into an invalid shape is a located error, never silently regenerated (docs/compile.md#stable-identities-svcpkglockjson).
import path from 'node:path';
import { diagnosticOf } from '../../diagnostics/collector.js';
import type { Diagnostic, Span } from '../../diagnostics/diagnostic.js';
import { FILE_START } from '../../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../../diagnostics/registry.js';
import { IoError } from '../../diagnostics/errors.js';
import type { Lockfile } from '../../generated/lockfile.js';
import { checkValue } from '../../schema/validate.js';
import { displayPath } from '../../source/discover.js';
import { joinPointer, parseSource, type LocateTarget, type SourceDocument } from '../../source/parse.js';
import { SOURCE_CODES } from '../../source/codes.js';
import { LineIndex } from '../../source/position.js';
import { decodeSourceBytes } from '../../source/read.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../../source/safe-file.js';
import { COMPILE_CODES } from '../codes.js';
import { findJsonSyntaxError } from './json-error.js';
import { emptyLockfile, LOCKFILE_FORMAT_VERSION, serializeLockfile } from './serialize.js';

/** A lockfile as read from disk. */
export interface LockfileSource {
  /** Absolute path. */
  readonly path: string;
  /** Display path (relative to the working directory). */
  readonly file: string;
  /** Whether the file exists. */
  readonly exists: boolean;
  /** Its text, when it exists and is UTF-8. */
  readonly text?: string;
  /** Its data: empty when the file does not exist, undefined when it has errors. */
  readonly lockfile?: Lockfile;
  /** Problems found in it. */
  readonly diagnostics: Diagnostic[];
  /** Span of a JSON pointer in the file (parsed on first use: locations are only needed for problems). */
  locate(pointer: string, target?: LocateTarget): Span;
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

/** Read and check the lockfile at `absolutePath`. Throws IoError only when it exists but cannot be read. */
export async function readLockfile(absolutePath: string, cwd: string): Promise<LockfileSource> {
  const file = displayPath(absolutePath, cwd);
  // The safe path (docs/decisions.md, "untrusted input"): a lockfile that is a FIFO, a device or a
  // link out of its folder is refused, never read or waited on.
  const read = readFileSafely(absolutePath, { maxBytes: MAX_MACHINE_FILE_SIZE, root: path.dirname(absolutePath) });
  if (!read.ok) {
    if (read.errno === 'ENOENT') {
      return { path: absolutePath, file, exists: false, lockfile: emptyLockfile(), diagnostics: [], locate: () => FILE_START };
    }
    throw new IoError(`cannot read the lockfile ${file}: ${read.reason}`);
  }
  const decoded = decodeSourceBytes(read.bytes, file);
  if (decoded.text === undefined) {
    return { path: absolutePath, file, exists: true, diagnostics: decoded.diagnostics, locate: () => FILE_START };
  }
  return checkLockfileText(absolutePath, file, decoded.text);
}

/** Check a lockfile's text (exported for tests and for editors' buffers). */
export function checkLockfileText(absolutePath: string, file: string, text: string): LockfileSource {
  let document: SourceDocument | undefined;
  let parsedDiagnostics: Diagnostic[] = [];
  let parsed = false;
  const parseForPositions = () => {
    if (!parsed) {
      parsed = true;
      // JSON is YAML 1.2: the YAML parser gives node positions (and catches duplicate keys JSON.parse hides).
      const source = parseSource(file, text, { maxDepth: 1000 });
      document = source.documents[0];
      parsedDiagnostics = source.diagnostics;
    }
    return document;
  };
  const locate = (pointer: string, target: LocateTarget = 'value'): Span => parseForPositions()?.locate(pointer, target) ?? FILE_START;
  const lines = new LineIndex(text);
  const failed = (diagnostics: Diagnostic[]): LockfileSource => ({ path: absolutePath, file, exists: true, text, diagnostics, locate });
  const at = (code: CodeDefinition, span: Span, pointer: string, message: string, hint?: string): Diagnostic =>
    diagnosticOf(code, { ...span, file, path: pointer }, message, { hint: hint || undefined });
  const restoreHint = `restore it from git (\`git checkout -- ${file}\`) or repair it by hand; deleting it would give every package new ids`;

  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    const span = lines.span(conflict.index, conflict.index + conflict[0].length);
    return failed([
      at(COMPILE_CODES.lockfileSyntax, span, '', `${file} has an unresolved merge conflict`, 'keep the entries of both sides (each code with its own ids), remove the conflict markers, then run `svcpkg compile`'),
    ]);
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = findJsonSyntaxError(text) ?? { offset: 0, expected: 'valid JSON' };
    const span = lines.span(error.offset, Math.min(error.offset + 1, text.length));
    const found = error.offset >= text.length ? 'the end of the file' : `\`${text[error.offset]}\``;
    return failed([at(COMPILE_CODES.lockfileSyntax, span, '', `${file} is not valid JSON: expected ${error.expected}, found ${found}`, restoreHint)]);
  }

  const version = (value as { format_version?: unknown } | null)?.format_version;
  if (typeof version === 'number' && version > LOCKFILE_FORMAT_VERSION) {
    return failed([
      at(COMPILE_CODES.lockfileNewer, locate('/format_version'), '/format_version', `${file} has format_version ${version}; this svcpkg writes and reads version ${LOCKFILE_FORMAT_VERSION}`, 'upgrade svcpkg to the release that wrote it'),
    ]);
  }

  // Keep "did you mean" hints; the schema's other hints speak YAML, and the cure here is git.
  const diagnostics: Diagnostic[] = checkValue('lockfile', value).map((problem) =>
    at(COMPILE_CODES.lockfileInvalid, locate(problem.pointer, problem.target), problem.pointer, `${file}: ${problem.message}`, problem.expected !== undefined ? problem.hint : restoreHint),
  );
  if (diagnostics.length > 0) return failed(diagnostics);

  const lockfile = value as Lockfile;
  diagnostics.push(...findDuplicateIds(lockfile, file, locate));
  // A file svcpkg wrote is in canonical form; only a hand-edited one needs the slower duplicate-key scan
  // (the YAML parser's is quadratic in the keys of one object). Git's autocrlf turns the canonical
  // form into CRLF: that is still canonical, so a 20,000-entry checkout does not pay for the scan.
  if (!isCanonical(serializeLockfile(lockfile), text)) {
    parseForPositions();
    for (const d of parsedDiagnostics) {
      if (d.code !== SOURCE_CODES.duplicateKey.code) continue;
      // The parser names the key (`actual`): nothing is read back out of the text.
      const message = d.actual === undefined ? d.message : `the key \`${d.actual}\` appears twice in one object`;
      diagnostics.push({ ...d, code: COMPILE_CODES.lockfileInvalid.code, message: `${file}: ${message}`, hint: 'keep one of the two entries (restore the file from git if unsure)' });
    }
  }
  if (diagnostics.length > 0) return failed(diagnostics);
  return { path: absolutePath, file, exists: true, text, lockfile, diagnostics: [], locate };
}

/** Whether `text` is `canonical` byte for byte, or with every line ending CRLF. */
function isCanonical(canonical: string, text: string): boolean {
  if (text === canonical) return true;
  return text.length === canonical.length + countNewlines(canonical) && text.replace(/\r\n/g, '\n') === canonical;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** An id, uuid or ulid recorded under two codes. */
function findDuplicateIds(lockfile: Lockfile, file: string, locate: (pointer: string) => Span): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  for (const code of Object.keys(lockfile.packages).sort()) {
    const entry = lockfile.packages[code];
    if (!entry) continue;
    for (const kind of ['id', 'uuid', 'ulid'] as const) {
      const key = `${kind}:${entry[kind]}`;
      const owner = owners.get(key);
      if (owner === undefined) {
        owners.set(key, code);
        continue;
      }
      const pointer = joinPointer(['packages', code, kind]);
      const firstPointer = joinPointer(['packages', owner, kind]);
      diagnostics.push(
        diagnosticOf(COMPILE_CODES.lockfileDuplicateId, { ...locate(pointer), file, path: pointer }, `${file}: \`${code}\` has the same ${kind} as \`${owner}\` (${entry[kind]})`, {
          hint: `restore ${file} from git, or delete the entry of \`${code}\` so the next compile mints fresh ids for it`,
          related: [{ ...locate(firstPointer), file, message: `the ${kind} of \`${owner}\`` }],
        }),
      );
    }
  }
  return diagnostics;
}
