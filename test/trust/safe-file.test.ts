// The safe reader itself: what it refuses without opening, how much it reads, and which text a
// code frame is given.
import { execFileSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSafely } from '../../src/source/safe-file.js';
import { tempFolder } from '../helpers/temp.js';
import { readFrameText, readSourceTextSync } from '../../src/source/read.js';

/** A temporary folder, removed after this file by test/helpers/temp-cleanup.ts. */
const dir = (): Promise<string> => tempFolder('safe');

describe('readFileSafely', () => {
  it('refuses a FIFO and a device without opening them', async () => {
    const fifo = path.join(await dir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(readFileSafely(fifo, { maxBytes: 100 })).toMatchObject({ ok: false, kind: 'notRegular' });
    expect(readFileSafely('/dev/zero', { maxBytes: 100 })).toMatchObject({ ok: false, kind: 'notRegular' });
  });

  it('refuses a link whose target leaves the root, and follows one that stays inside', async () => {
    const root = await dir();
    const outside = await dir();
    await writeFile(path.join(outside, 'x.yaml'), 'a: 1\n');
    await writeFile(path.join(root, 'in.yaml'), 'b: 2\n');
    await symlink(path.join(outside, 'x.yaml'), path.join(root, 'out.yaml'));
    await symlink(path.join(root, 'in.yaml'), path.join(root, 'alias.yaml'));
    expect(readFileSafely(path.join(root, 'out.yaml'), { maxBytes: 100, root })).toMatchObject({ ok: false, kind: 'symlinkOutside' });
    const inside = readFileSafely(path.join(root, 'alias.yaml'), { maxBytes: 100, root });
    expect(inside.ok && inside.bytes.toString()).toBe('b: 2\n');
  });

  it('reads a file of exactly the cap, and refuses one byte more', async () => {
    const d = await dir();
    await writeFile(path.join(d, 'ok'), 'x'.repeat(10));
    await writeFile(path.join(d, 'big'), 'x'.repeat(11));
    const ok = readFileSafely(path.join(d, 'ok'), { maxBytes: 10 });
    expect(ok.ok && ok.bytes.length).toBe(10);
    expect(readFileSafely(path.join(d, 'big'), { maxBytes: 10 })).toMatchObject({ ok: false, kind: 'tooLarge', size: 11 });
  });
});

describe('readFrameText', () => {
  it('gives the text that was parsed, not what the file holds later', async () => {
    const file = path.join(await dir(), 'a.yaml');
    await writeFile(file, 'first: 1\n');
    expect(readSourceTextSync(file, 'a.yaml').text).toBe('first: 1\n');
    await writeFile(file, 'second: 2\n');
    expect(readFrameText(file)).toBe('first: 1\n');
  });

  it('gives nothing for a link (its text, if any, was passed with the results)', async () => {
    const d = await dir();
    await writeFile(path.join(d, 'secret'), 'TOKEN\n');
    await symlink(path.join(d, 'secret'), path.join(d, 'link.yaml'));
    expect(readFrameText(path.join(d, 'link.yaml'))).toBeUndefined();
  });
});
