// Origins cost a map entry per value: only `svcpkg explain` records them, compile builds without.
import { describe, expect, it } from 'vitest';
import { Origins } from '../../src/compile/index.js';

describe('Origins', () => {
  it('records and finds the nearest recorded ancestor when asked to record', () => {
    const origins = new Origins();
    origins.set('/features/max_rooms', 'catalog', 'catalog definition');
    origins.set('/features/max_rooms/value', 'package');
    expect(origins.get('/features/max_rooms/value')).toEqual({ origin: 'package' });
    expect(origins.get('/features/max_rooms/quota')).toEqual({ origin: 'catalog', note: 'catalog definition' });
  });

  it('records nothing when built for compile', () => {
    const origins = new Origins(false);
    origins.set('/code', 'package');
    expect(origins.get('/code')).toBeUndefined();
  });
});
