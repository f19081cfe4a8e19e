// The hook script: valid POSIX shell whatever the paths look like, and recognisable as ours.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createdItsFolder, isSvcpkgHook, renderHookScript } from '../../src/workflow/hook-script.js';

const BASE = { projectDir: '', binPath: '/opt/svcpkg/bin/svcpkg.js', nodePath: '/usr/bin/node', createdFolder: false };

describe('renderHookScript', () => {
  it.each([
    ['the top of the work tree', BASE],
    ['a project folder with spaces, quotes and dollars', { ...BASE, projectDir: `plans/it's "$HOME" dir` }],
    ['a bin path with a quote', { ...BASE, binPath: "/home/o'brien/svcpkg/bin/svcpkg.js", createdFolder: true }],
  ])('is valid shell for %s', (_what, options) => {
    const script = renderHookScript(options);
    expect(() => execFileSync('sh', ['-n'], { input: script })).not.toThrow();
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('validate --staged --locked');
  });

  it("marks the script as svcpkg's, and records a folder it created", () => {
    expect(isSvcpkgHook(renderHookScript(BASE))).toBe(true);
    expect(isSvcpkgHook('#!/bin/sh\nexec lint-staged\n')).toBe(false);
    expect(createdItsFolder(renderHookScript(BASE))).toBe(false);
    expect(createdItsFolder(renderHookScript({ ...BASE, createdFolder: true }))).toBe(true);
  });
});
