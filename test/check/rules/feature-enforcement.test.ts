import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

const bare = (type: string, body: string) => `code: bare-pkg\nname: Bare\nservice_type: ${type}\nstatus: inactive\n${body}`;

describe('feature-enforcement: provider-enforced features need a provider that maps them (SPEC §2.1, §3.3)', () => {
  checkCases([
    { name: 'bbb maps max_participants', yaml: meet('features:\n  max_participants: 50\n  recording: true\n'), expected: [] },
    {
      name: 'the alias bigbluebutton maps it too',
      yaml: 'code: alias-pkg\nname: Alias\nservice_type: meet\nproviders: [{ type: bigbluebutton }]\nfeatures:\n  max_duration: 60\n',
      expected: [],
    },
    {
      name: 'no provider at all: names the provider types that would',
      yaml: bare('meet', 'features:\n  max_participants: 50\n'),
      expected: [['SP3007', 6, 3]],
      message: /expected a provider of type `bbb` or `scalelite`; the package has no provider/,
      hint: 'attach a provider of type `bbb` or `scalelite`',
    },
    { name: 'a switch that is off needs nothing', yaml: bare('meet', 'features:\n  recording: false\n  max_rooms: 3\n'), expected: [] },
    { name: 'a platform-enforced feature needs nothing', yaml: bare('meet', 'features:\n  screen_sharing: true\n'), expected: [] },
    {
      name: 'no provider type serves webinars: the hint says to remove it',
      yaml: bare('webinar', 'features:\n  max_duration: 60\n'),
      expected: [['SP3007', 6, 3]],
      hint: /remove `max_duration`/,
    },
    {
      name: 'providers with a schema error are not second-guessed',
      yaml: bare('meet', 'providers:\n  - type: bbb\n    colour: blue\nfeatures:\n  max_participants: 50\n'),
      expected: [['SP2001', 7, 5]],
    },
  ]);
});
