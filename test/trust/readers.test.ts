// Every reader of a file the repository controls goes through the safe path (docs/decisions.md,
// "untrusted input"): a link to a secret outside is refused and never printed; a FIFO never hangs.
import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runWithDeadline, VALID_PACKAGE, type DeadlineRun as Run } from "../helpers/cli.js";
import { tempFolder } from "../helpers/temp.js";

const SECRET = "READER_SECRET_5b1e0c77";
const KILL_AFTER_MS = 30_000;
const ENV = { PATH: process.env["PATH"], HOME: os.tmpdir(), NO_COLOR: "1" };

/** Run the built CLI; kill it if it has not exited by itself after KILL_AFTER_MS. */
function run(args: string[], cwd: string): Promise<Run> {
  return runWithDeadline(args, { cwd, env: ENV, killAfterMs: KILL_AFTER_MS });
}

/** A secret outside the repository (JSON-looking, so a reader that parsed it would echo it), and a FIFO. */
async function outside(): Promise<{ secret: string; fifo: string }> {
  const dir = await tempFolder("outside");
  const secret = path.join(dir, "secret.json");
  await writeFile(secret, `{"token": "${SECRET}", ${SECRET}\n`);
  const fifo = path.join(dir, "pipe");
  execFileSync("mkfifo", [fifo]);
  return { secret, fifo };
}

const SCENARIO = (key: "manifest" | "events"): string =>
  key === "manifest"
    ? "manifest: ../out/manifest.json\nsubscriptions: []\nevents: []\n"
    : "packages: ../packages.d\nsubscriptions: []\nevents: events.ndjson\n";

/** Where each reader's file is in a repository, and the command that reads it. */
const READERS: {
  name: string;
  file: string;
  args: string[];
  scenario?: "manifest" | "events";
}[] = [
  {
    name: "the lockfile (compile)",
    file: "svcpkg.lock.json",
    args: ["compile"],
  },
  {
    // Its packages and across files are read by the same function (cache-file.ts readPayload).
    name: "the result cache (validate --cache)",
    file: ".svcpkg-cache/check.v2.bin",
    args: ["validate", "--cache"],
  },
  {
    name: "the compile stamp (compile)",
    file: ".svcpkg-cache/compile.json",
    args: ["compile"],
  },
  {
    name: "an existing output (compile)",
    file: "out/manifest.json",
    args: ["compile"],
  },
  {
    name: "simulate's manifest",
    file: "out/manifest.json",
    args: ["simulate", "scenarios/s.yaml"],
    scenario: "manifest",
  },
  {
    name: "simulate's events file",
    file: "scenarios/events.ndjson",
    args: ["simulate", "scenarios/s.yaml"],
    scenario: "events",
  },
  {
    name: "diff's manifest argument",
    file: "old.json",
    args: ["diff", "old.json", "packages.d"],
  },
];

describe("readers on the safe path", () => {
  for (const reader of READERS) {
    for (const kind of ["secret", "fifo"] as const) {
      it(`${reader.name}: a ${kind === "secret" ? "link to a secret outside" : "link to a FIFO outside"} is neither printed nor waited on`, async () => {
        const targets = await outside();
        const repo = await makeRepo({ "packages.d/a.yaml": VALID_PACKAGE });
        if (reader.scenario) await makeScenario(repo, reader.scenario);
        const at = path.join(repo, reader.file);
        await mkdir(path.dirname(at), { recursive: true });
        await symlink(kind === "secret" ? targets.secret : targets.fifo, at);
        const result = await run(reader.args, repo);
        expect(result.killed, `hung:\n${result.output}`).toBe(false);
        expect([0, 1, 2], result.output).toContain(result.code);
        expect(result.output).not.toContain(SECRET);
        expect(result.output).not.toMatch(
          /\n {4}at [^\n]*:\d+:\d+|internal error/,
        );
        // Not vacuous: the simulate readers really reached the file and refused it.
        if (reader.scenario)
          expect(result.output).toMatch(
            /cannot read the (manifest|events file)/,
          );
      });
    }
  }
});

async function makeScenario(
  repo: string,
  key: "manifest" | "events",
): Promise<void> {
  await mkdir(path.join(repo, "scenarios"), { recursive: true });
  await writeFile(path.join(repo, "scenarios", "s.yaml"), SCENARIO(key));
}
