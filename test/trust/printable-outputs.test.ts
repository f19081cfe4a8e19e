// diff, explain and simulate print names, codes and ids from YAML: a terminal gets them printable
// (docs/decisions.md, "terminal and CI outputs show control characters, never send them").
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runProcess } from "../helpers/cli.js";

/** C0 controls but the line feed, DEL, C1 controls, bidirectional controls and marks. */
const UNSAFE =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** A valid package whose name carries ESC and RLO (quoted YAML escapes). */
const pkg = (name: string): string =>
  `code: meet-basic\nname: "${name}"\nservice_type: meet\nstatus: inactive\nfeatures:\n  max_rooms: 5\n`;
const HOSTILE_NAME = "Basic\\e[2J\\u202Eevil";
const ENV = { NO_COLOR: "1" };

function expectPrintable(result: { stdout: string; stderr: string }): void {
  expect(result.stdout).not.toMatch(UNSAFE);
  expect(result.stderr).not.toMatch(UNSAFE);
}

describe("names from YAML in text outputs", () => {
  it("explain shows an ESC/RLO name printable", async () => {
    const repo = await makeRepo({ "packages.d/a.yaml": pkg(HOSTILE_NAME) });
    const result = await runProcess(["explain", "meet-basic"], {
      cwd: repo,
      env: ENV,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Basic␛[2J\\u{202E}evil");
    expectPrintable(result);
  });

  it("diff shows an ESC/RLO name change printable", async () => {
    const repo = await makeRepo({ "packages.d/a.yaml": pkg("Basic") });
    expect((await runProcess(["compile"], { cwd: repo, env: ENV })).code).toBe(
      0,
    );
    await copyFile(
      path.join(repo, "out", "manifest.json"),
      path.join(repo, "old.json"),
    );
    await writeFile(path.join(repo, "packages.d", "a.yaml"), pkg(HOSTILE_NAME));
    const result = await runProcess(
      ["diff", "old.json", "packages.d", "--format", "pretty"],
      { cwd: repo, env: ENV },
    );
    expect(result.stdout).toContain("␛[2J");
    expectPrintable(result);
  });

  it("the simulate table shows an ESC/RLO subscription id printable", async () => {
    const repo = await makeRepo({
      "packages.d/a.yaml": pkg("Basic"),
      "scenarios/s.yaml":
        'packages: ../packages.d\nend: 2026-02-01\nsubscriptions:\n  - id: "acme\\e[2J\\u202Eevil"\n    package: meet-basic\n    starts_at: 2026-01-05\nevents: []\n',
    });
    const result = await runProcess(["simulate", "scenarios/s.yaml"], {
      cwd: repo,
      env: ENV,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("acme␛[2J\\u{202E}evil");
    expectPrintable(result);
  });
});
