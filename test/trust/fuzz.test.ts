// Hostile-input fuzzing (docs/decisions.md, "untrusted input"): random repositories of broken YAML,
// control and bidirectional characters, escaped forbidden keys, deep nesting, huge numbers, links
// out of the folder, devices and FIFOs. Whatever the input: no crash or stack trace, the documented
// exit codes, nothing read from outside the folder, and the same diagnostics cached or not, on one
// thread or several, and with or without unrelated files beside them.
// The default run is small (a few seconds); `SVCPKG_FUZZ_RUNS=N` runs N repositories (README).
import { execFileSync } from "node:child_process";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runWithDeadline, VALID_PACKAGE, type DeadlineRun as Run } from "../helpers/cli.js";
import { tempFolder } from "../helpers/temp.js";

const SECRET = "FUZZ_SECRET_MARKER_7f3a9c41e0b2";
const CATALOG = path.join(REPO_ROOT, "catalog");
const ASKED = Number(process.env["SVCPKG_FUZZ_RUNS"] ?? "");
/** Repositories checked through the library (in-process, fast). */
const LIBRARY_RUNS = Number.isInteger(ASKED) && ASKED > 0 ? ASKED : 10;
/** Repositories checked through the built CLI (a few processes each: slower). */
const CLI_RUNS =
  Number.isInteger(ASKED) && ASKED > 0 ? Math.max(1, Math.ceil(ASKED / 10)) : 1;
/** Files checked once by one thread and once by a pool of threads. */
const POOL_FILES =
  Number.isInteger(ASKED) && ASKED > 0 ? Math.max(300, ASKED * 20) : 300;
/** Longest a CLI run may take before the test calls it a hang and kills it. */
const KILL_AFTER_MS = 60_000;
/** What a leaked stack trace (V8's `    at fn (file:line:col)`) or an unhandled failure looks like in any output. */
const CRASH =
  /\n {4}at [^\n]*:\d+:\d+|Maximum call stack|internal error|this is a bug|RangeError|TypeError/;

// --- the hostile inputs ------------------------------------------------------------------------

/** Pieces of YAML and of attacks, glued at random. */
const FRAGMENTS = [
  "{",
  "}",
  "[",
  "]",
  '"',
  "'",
  ",",
  "\r",
  "\n",
  "\r\n",
  "\t",
  " ",
  "  ",
  ": ",
  "- ",
  "#",
  "? ",
  "|\n",
  ">-\n",
  "\\",
  "&a ",
  "*a",
  "<<: *a\n",
  "&b [*a, *a, *a]\n",
  "!!binary ",
  "!foo ",
  "!!python/object ",
  "%YAML 1.1\n",
  "---\n",
  "...\n",
  '"__pro\\x74o__": {polluted: 1}\n',
  '"\\u005F_proto__": {}\n',
  "'__proto__': 1\n",
  "__proto__: 1\n",
  "constructor: {prototype: 1}\n",
  '"constr\\x75ctor": 1\n',
  "prototype: 1\n",
  "1e308",
  "-1e999",
  "-0",
  "0x1F",
  "0o17",
  "0777",
  ".inf",
  "-.nan",
  "123456789012345678901234567890",
  "9".repeat(400),
  "yes",
  "off",
  "On",
  "~",
  "null",
  "true",
  "\0",
  "\x1b[31m",
  "\x1b]0;title\x07",
  "\x07",
  "\x7f",
  "\u0085",
  "\u009b",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u2028",
  "\uFEFF",
  "\u00e9",
  "\u{1F600}",
  "\ud800",
  "code: ",
  "code: meet-basic\n",
  "name: ",
  "name: Basic\n",
  "service_type: meet\n",
  "status: inactive\n",
  "features:\n",
  "  max_rooms: ",
  "  screen_sharing: ",
  "package_metadata:\n  ",
  "providers:\n  - ",
  "price: ",
  "currency: EUR\n",
  "id: ",
];
const fragment = fc.constantFrom(...FRAGMENTS);

/** Text made of fragments and a little random Unicode. */
const soup = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fragment },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** A valid package with hostile fragments inserted at random places. */
const mutated = fc
  .array(
    fc.tuple(
      fc.nat(VALID_PACKAGE.length),
      fc.array(fragment, { minLength: 1, maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = VALID_PACKAGE;
    for (const [at, parts] of [...edits].sort((a, b) => b[0] - a[0]))
      text = text.slice(0, at) + parts.join("") + text.slice(at);
    return text;
  });

/** Deep nesting, long lines and many keys: the shapes that made guards quadratic or overflow. */
const shapes = (most: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom("[", "{", "- ", "[{", "{a: ", '"', "&x [", "? "),
        fc.integer({ min: 1, max: most }),
      )
      .map(([open, n]) => open.repeat(n)),
    fc
      .integer({ min: 1, max: most })
      .map(
        (n) =>
          `${VALID_PACKAGE}package_metadata:\n${Array.from({ length: n }, (_, i) => `  k${i % 997}: ${i}\n`).join("")}`,
      ),
    fc
      .integer({ min: 1, max: 500 })
      .map(
        (n) =>
          `a: &a [x, x]\n${Array.from({ length: 12 }, (_, i) => `l${i}: &l${i} [${`*${i === 0 ? "a" : `l${i - 1}`}, `.repeat(9)}]`).join("\n")}\nz: ${"*l11 ".repeat(n % 3)}\n`,
      ),
    fc
      .constantFrom("\r", "\r\n", "\n")
      .map((eol) => VALID_PACKAGE.split("\n").join(eol)),
    fc.constantFrom(
      "code: x\r# c\rname: y\r",
      "code: x\rname: y\r",
      'code: "a\nb: c"\n',
      "a:\n\t- b\n",
      'k: "\\ud800"\n',
    ),
  );

/** A package file's content: text, or raw bytes that may not be UTF-8; shapes up to `most` deep or long. */
const content = (most: number): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    { weight: 3, arbitrary: soup },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: shapes(most) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 64 })
        .map((bytes) => Buffer.from(bytes)),
    },
    { weight: 1, arbitrary: fc.constant("") },
  );

/** Something in the packages folder that is not an ordinary file. */
type Special =
  | "linkSecret"
  | "linkOutsideFolder"
  | "linkDevZero"
  | "linkDevNull"
  | "linkInside"
  | "brokenLink"
  | "fifo"
  | "linkFifo"
  | "emptyDir";
const SAFE_SPECIALS: Special[] = [
  "linkSecret",
  "linkOutsideFolder",
  "linkDevZero",
  "linkDevNull",
  "linkInside",
  "brokenLink",
  "emptyDir",
];
// FIFOs only where a hang is caught (a child process killed after KILL_AFTER_MS), not in-process.
const ALL_SPECIALS: Special[] = [...SAFE_SPECIALS, "fifo", "linkFifo"];

/** File names, some of them hostile (control and bidirectional characters end up in displayed paths). */
const fileName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "a.yaml",
      "b.yml",
      "sub/c.yaml",
      "deep/er/d.YAML",
      "e.yaml",
      "f.yaml",
      "g.yaml",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "esc\x1b[2J.yaml",
      "rlo\u202eyaml.txt.yaml",
      "space name.yaml",
      "ünï.yaml",
      "-dash.yaml",
      "x\\y.yaml",
    ),
  },
);

interface HostileRepo {
  files: [string, string | Buffer][];
  specials: Special[];
}

const hostileRepo = (specials: Special[]): fc.Arbitrary<HostileRepo> =>
  fc.record({
    files: fc.uniqueArray(fc.tuple(fileName, content(1500)), {
      minLength: 1,
      maxLength: 6,
      selector: ([name]) => name.toLowerCase(),
    }),
    specials: fc.uniqueArray(fc.constantFrom(...specials), { maxLength: 4 }),
  });

/** Files that are no package's business: skipped, or outside the folder validated. */
const UNRELATED: [string, string | Buffer][] = [
  ["packages.d/README.md", `# notes\n${"\x1b[31m"}code: x\n`],
  ["packages.d/notes.txt", "code: [\n"],
  ["packages.d/a.yaml.bak", "code: broken: [\n"],
  ["packages.d/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff])],
  ["packages.d/data.json", '{"code": "meet-basic"}'],
  ["other/x.yaml", "code: meet-basic\nname: Basic\n"],
  ["docs/guide.yaml", "[[[[\n"],
];

/** Lay out a hostile repository (and its outside secret) in a new temporary folder. */
async function writeRepo(
  repo: HostileRepo,
): Promise<{ root: string; originals: Set<string> }> {
  const root = await tempFolder("fuzz");
  const outside = path.join(root, "outside");
  const base = path.join(root, "repo");
  const folder = path.join(base, "packages.d");
  await mkdir(outside, { recursive: true });
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(outside, "credentials.yaml"),
    `code: leak\nname: ${SECRET}\naws_secret_access_key: ${SECRET}\n`,
  );
  await writeFile(path.join(outside, "more.yaml"), `${SECRET}: [\n`);
  const originals = new Set<string>();
  for (const [name, text] of repo.files) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
    originals.add(`packages.d/${name}`);
  }
  for (const special of repo.specials) {
    const at = path.join(folder, `${special}.yaml`);
    originals.add(`packages.d/${special}.yaml`);
    switch (special) {
      case "linkSecret":
        await symlink(path.join(outside, "credentials.yaml"), at);
        break;
      case "linkOutsideFolder":
        await symlink(outside, path.join(folder, "linked-outside"));
        break;
      case "linkDevZero":
        await symlink("/dev/zero", at);
        break;
      case "linkDevNull":
        await symlink("/dev/null", at);
        break;
      case "linkInside":
        await symlink(path.join(folder, repo.files[0]![0]), at);
        break;
      case "brokenLink":
        await symlink(path.join(outside, "missing.yaml"), at);
        break;
      case "fifo":
        execFileSync("mkfifo", [at]);
        break;
      case "linkFifo":
        execFileSync("mkfifo", [path.join(outside, "pipe")]);
        await symlink(path.join(outside, "pipe"), at);
        break;
      case "emptyDir":
        await mkdir(path.join(folder, "empty.yaml"), { recursive: true });
        break;
    }
  }
  return { root: base, originals };
}

async function addUnrelated(root: string): Promise<void> {
  for (const [name, text] of UNRELATED) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

// --- the library ---------------------------------------------------------------------------------

interface Diag {
  code: string;
  file: string;
  message: string;
  hint?: string;
}
interface BuiltRepo {
  checkRepo(
    options: Record<string, unknown>,
  ): Promise<{ diagnostics: Diag[]; fromCache: number }>;
}
interface BuiltParallel {
  checkFiles(
    tasks: { file: string; text: string }[],
    catalog: unknown,
    context: Record<string, unknown>,
  ): Promise<
    { file: string; diagnostics: Diag[]; packages: { raw: unknown }[] }[]
  >;
}
interface BuiltCatalog {
  loadCatalog(dir: string, cwd: string): Promise<{ catalog?: unknown }>;
}
interface BuiltRun {
  checkFile(
    file: string,
    text: string,
    catalog: unknown,
    options: Record<string, unknown>,
  ): { file: string; diagnostics: Diag[]; packages: { raw: unknown }[] };
}

// The built modules (dist/: `npm test` builds first): only they ship the worker threads.
const dist = (relative: string): Promise<unknown> =>
  import(path.join(REPO_ROOT, "dist", relative));

function expectNoCrash(diagnostics: readonly Diag[]): void {
  for (const d of diagnostics)
    expect(`${d.message}\n${d.hint ?? ""}`).not.toMatch(CRASH);
}

describe("hostile repositories through the library", () => {
  it(`${LIBRARY_RUNS} repositories: no throw, nothing from outside, same diagnostics cached or not and with unrelated files`, async () => {
    const { checkRepo } = (await dist("check/repo.js")) as BuiltRepo;
    await fc.assert(
      fc.asyncProperty(hostileRepo(SAFE_SPECIALS), async (repo) => {
        const { root, originals } = await writeRepo(repo);
        try {
          const options = {
            paths: ["packages.d"],
            catalogDir: CATALOG,
            cwd: root,
            jobs: 1,
          };
          const plain = await checkRepo(options);
          const text = JSON.stringify(plain.diagnostics);
          expect(text).not.toContain(SECRET);
          expectNoCrash(plain.diagnostics);

          const cacheDir = path.join(root, ".svcpkg-cache");
          const storing = await checkRepo({ ...options, cacheDir });
          const warm = await checkRepo({ ...options, cacheDir });
          expect(JSON.stringify(storing.diagnostics)).toBe(text);
          expect(JSON.stringify(warm.diagnostics)).toBe(text);

          await addUnrelated(root);
          const beside = await checkRepo(options);
          const ofOriginals = (ds: readonly Diag[]): string =>
            JSON.stringify(
              ds.filter(
                (d) =>
                  originals.has(d.file) || !d.file.startsWith("packages.d/"),
              ),
            );
          expect(ofOriginals(beside.diagnostics)).toBe(
            ofOriginals(plain.diagnostics),
          );
        } finally {
          await rm(path.dirname(root), { recursive: true, force: true });
        }
      }),
      { numRuns: LIBRARY_RUNS },
    );
  }, 600_000);

  it(`${POOL_FILES} hostile files: a pool of threads gives each file exactly the one-thread result`, async () => {
    const { checkFiles } = (await dist("check/parallel.js")) as BuiltParallel;
    const { checkFile } = (await dist("check/run.js")) as BuiltRun;
    const { loadCatalog } = (await dist("catalog/load.js")) as BuiltCatalog;
    const { catalog } = await loadCatalog(CATALOG, REPO_ROOT);
    expect(catalog).toBeDefined();
    // Smaller shapes here: hundreds of files are checked twice (the guards' sizes are covered above).
    const texts = fc.sample(
      content(300).map((c) => (typeof c === "string" ? c : c.toString("utf8"))),
      { numRuns: POOL_FILES, seed: Date.now() % 100_000 },
    );
    const tasks = texts.map((text, i) => ({
      file: `packages.d/f${i}.yaml`,
      text,
    }));
    const one = tasks.map((t) => checkFile(t.file, t.text, catalog, {}));
    const many = await checkFiles(tasks, catalog, {
      catalogDir: CATALOG,
      cwd: REPO_ROOT,
      parseOptions: {},
      threads: 3,
    });
    expect(many.length).toBe(one.length);
    many.forEach((file, i) => {
      expect(file.diagnostics).toEqual(one[i]!.diagnostics);
      expect(file.packages.map((p) => p.raw)).toEqual(
        one[i]!.packages.map((p) => p.raw),
      );
      expectNoCrash(file.diagnostics);
    });
  }, 600_000);
});

// --- the built CLI -------------------------------------------------------------------------------

const ENV: Record<string, string | undefined> = {
  PATH: process.env["PATH"],
  HOME: os.tmpdir(),
  NO_COLOR: "1",
};

/** Run the built CLI; kill it if it has not exited by itself after KILL_AFTER_MS. */
function run(args: string[], cwd: string): Promise<Run> {
  return runWithDeadline(args, { cwd, env: ENV, killAfterMs: KILL_AFTER_MS });
}

/** Raw control (but line feed) and bidirectional characters: never in output meant for a terminal. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

function expectSane(result: Run, label: string): void {
  const both = `${result.stdout}\n${result.stderr}`;
  expect(result.killed, `${label}: hung`).toBe(false);
  expect(
    [0, 1, 2],
    `${label}: exit code ${String(result.code)}\n${result.stderr}`,
  ).toContain(result.code);
  expect(both, label).not.toMatch(CRASH);
  expect(both, label).not.toContain(SECRET);
}

/** Only the diagnostics of the JSON report (the summary counts files, which unrelated files change). */
function diagnosticsOf(result: Run, originals?: Set<string>): string {
  const report = JSON.parse(result.stdout) as { diagnostics: Diag[] };
  return JSON.stringify(
    originals === undefined
      ? report.diagnostics
      : report.diagnostics.filter(
          (d) => originals.has(d.file) || !d.file.startsWith("packages.d/"),
        ),
  );
}

/** Enough valid packages for the CLI to start its worker threads (checkRepo: 400 files and up). */
async function pad(root: string): Promise<void> {
  const folder = path.join(root, "packages.d", "pad");
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < 400; i++) {
    const n = String(i).padStart(3, "0");
    await writeFile(
      path.join(folder, `p${n}.yaml`),
      `code: pad-${n}\nname: Pad ${n}\nservice_type: meet\nstatus: inactive\nfeatures:\n  max_rooms: ${i + 1}\n`,
    );
  }
}

describe("hostile repositories through the built CLI", () => {
  it(`${CLI_RUNS} repositories (FIFOs included): exit 0/1/2, no trace, no secret, no hang, no raw control characters; same JSON with --jobs 1/4, cached, and beside unrelated files`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileRepo(ALL_SPECIALS), async (repo) => {
        const { root, originals } = await writeRepo(repo);
        try {
          await pad(root);
          const validate = (...extra: string[]): Promise<Run> =>
            run(
              ["validate", "packages.d", "--catalog", CATALOG, ...extra],
              root,
            );
          const oneThread = await validate(
            "--format",
            "json",
            "--no-cache",
            "--jobs",
            "1",
          );
          expectSane(oneThread, "json --jobs 1");
          const expected = diagnosticsOf(oneThread);

          const fourThreads = await validate(
            "--format",
            "json",
            "--no-cache",
            "--jobs",
            "4",
          );
          expectSane(fourThreads, "json --jobs 4");
          expect(diagnosticsOf(fourThreads)).toBe(expected);

          const storing = await validate("--format", "json", "--jobs", "1");
          const warm = await validate(
            "--format",
            "json",
            "--jobs",
            "1",
            "--verbose",
          );
          expectSane(warm, "json cached");
          expect(diagnosticsOf(storing)).toBe(expected);
          expect(diagnosticsOf(warm)).toBe(expected);

          for (const format of ["pretty", "github"]) {
            const shown = await validate(
              "--format",
              format,
              "--no-cache",
              "--verbose",
            );
            expectSane(shown, format);
            expect(
              shown.stdout + shown.stderr,
              `${format}: raw control or bidirectional character`,
            ).not.toMatch(UNPRINTABLE);
          }

          await addUnrelated(root);
          const beside = await validate(
            "--format",
            "json",
            "--no-cache",
            "--jobs",
            "1",
          );
          expectSane(beside, "json beside unrelated files");
          expect(diagnosticsOf(beside, originals)).toBe(
            diagnosticsOf(oneThread, originals),
          );
        } finally {
          await rm(path.dirname(root), { recursive: true, force: true });
        }
      }),
      { numRuns: CLI_RUNS },
    );
  }, 900_000);
});
