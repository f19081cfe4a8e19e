import { describe, expect, it } from 'vitest';
import { checkCases, checkYaml, meet } from '../helpers.js';

const webinar = (body: string) => `code: web-pkg\nname: Web\nservice_type: webinar\nstatus: inactive\n${body}`;

describe('feature-code: feature codes exist and are allowed for the service type (SPEC §2.1)', () => {
  checkCases([
    { name: 'a catalog feature allowed for meet', yaml: meet('features:\n  max_rooms: 10\n'), expected: [] },
    {
      name: 'a misspelt feature, with a suggestion',
      yaml: meet('features:\n  max_room: 10\n'),
      expected: [['SP3002', 6, 3]],
      hint: '`max_rooms`',
      message: /unknown feature `max_room`/,
    },
    {
      name: 'an unknown feature far from any other lists the known ones',
      yaml: meet('features:\n  bandwidth_cap: 10\n'),
      expected: [['SP3002', 6, 3]],
      hint: /known features: max_accounts, max_rooms/,
    },
    {
      name: 'max_rooms on a webinar, which has no rooms',
      yaml: webinar('features:\n  max_rooms: 5\n'),
      expected: [['SP3003', 6, 3]],
      hint: 'meet, live, video, simulcast',
      message: /not allowed for `webinar`/,
    },
    { name: 'a feature webinars allow', yaml: webinar('features:\n  max_storage: 5\n'), expected: [] },
    {
      name: 'an unknown service type: only SP3001, no allowed-feature noise',
      yaml: 'code: odd-pkg\nname: Odd\nservice_type: meets\nstatus: inactive\nfeatures:\n  max_rooms: 5\n',
      expected: [['SP3001', 3, 15]],
      hint: '`meet`',
    },
  ]);

  it('relates a disallowed feature to the catalog service type', () => {
    const [d] = checkYaml(webinar('features:\n  public_chat: true\n'));
    expect(d?.code).toBe('SP3003');
    expect(d?.related?.[0]?.file).toMatch(/catalog\/service-types\.yaml$/);
    expect(d?.related?.[0]?.message).toContain('webinar');
  });
});
