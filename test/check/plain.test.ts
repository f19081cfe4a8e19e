// A checked file as plain data (src/check/plain.ts), as workers send it back and the result cache
// stores it: whether the fast path read it travels with it, so positions asked for later come from
// the same place as in the run that checked it, without running the fast path's gate again.
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/check/index.js';
import { fromPlain, toPlain } from '../../src/check/plain.js';
import { catalog, meet } from './helpers.js';

describe('plain checked files', () => {
  it.each([
    ['a plain package: the fast path', meet('tier: 1\n'), true],
    ['a YAML 1.1 boolean: the full parser', meet('package_settings: { flag: yes }\n'), false],
    ['an anchor: the full parser', meet('package_settings: { a: &x 1, b: *x }\n'), false],
  ])('%s', (_name, text, fast) => {
    const checked = checkFile('p.yaml', text, catalog);
    expect(checked.fastPath).toBe(fast);
    const again = fromPlain(structuredClone(toPlain(checked)), text, {});
    expect(again.fastPath).toBe(fast);
    // The positions are the same either way.
    expect(again.packages[0]!.source.locate('/tier')).toEqual(checked.packages[0]!.source.locate('/tier'));
    expect(again.packages[0]!.source.locate('/service_type', 'key')).toEqual(checked.packages[0]!.source.locate('/service_type', 'key'));
  });
});
