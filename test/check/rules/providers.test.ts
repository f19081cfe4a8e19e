import { describe, expect, it } from 'vitest';
import type { Catalog, ProviderTypeDefinition } from '../../../src/catalog/model.js';
import { catalog, checkCases, checkYaml } from '../helpers.js';

const pkg = (head: string, body = '') => `code: prov-pkg\nname: Providers\nservice_type: meet\n${head}${body}`;

describe('provider-type: known types that serve the service type (SPEC §2.2)', () => {
  checkCases([
    { name: 'bbb, its alias and scalelite', yaml: pkg('providers:\n  - type: bbb\n    default: true\n  - type: bigbluebutton\n  - type: scalelite\n'), expected: [] },
    {
      name: 'a misspelt type, with a suggestion',
      yaml: pkg('providers:\n  - type: bigbluebuton\n'),
      expected: [['SP3008', 5, 11]],
      hint: '`bigbluebutton`',
      message: /expected one of `bbb`, `bigbluebutton`, `scalelite`/,
    },
    {
      name: 'a type that does not serve webinars',
      yaml: 'code: web-pkg\nname: Web\nservice_type: webinar\nproviders:\n  - type: scalelite\n',
      expected: [['SP3009', 5, 11]],
      hint: 'no provider type of the catalog serves `webinar`',
      message: /serves `meet`, not `webinar`/,
    },
  ]);

  it('relates a mismatched type to its catalog entry', () => {
    const [d] = checkYaml('code: web-pkg\nname: Web\nservice_type: webinar\nproviders: [{ type: bbb }]\n');
    expect(d?.related?.[0]?.file).toMatch(/catalog\/provider-types\.yaml$/);
  });
});

describe('provider-default: exactly one default (SPEC §2.2)', () => {
  checkCases([
    { name: 'the only entry is the default', yaml: pkg('providers:\n  - type: bbb\n'), expected: [] },
    { name: 'the only entry marked default', yaml: pkg('providers:\n  - type: bbb\n    default: true\n'), expected: [] },
    { name: 'one default among two', yaml: pkg('providers:\n  - type: bbb\n  - type: scalelite\n    default: true\n'), expected: [] },
    {
      name: 'the only entry marked not default',
      yaml: pkg('providers:\n  - type: bbb\n    default: false\n'),
      expected: [['SP3010', 6, 14]],
      hint: 'remove `default: false`',
    },
    {
      name: 'several entries and none default',
      yaml: pkg('providers:\n  - type: bbb\n  - type: scalelite\n'),
      expected: [['SP3010', 4, 1]],
      message: /none is the default/,
      hint: '`default: true`',
    },
    {
      name: 'two defaults: reported on the second',
      yaml: pkg('providers:\n  - type: bbb\n    default: true\n  - type: scalelite\n    default: true\n'),
      expected: [['SP3010', 8, 5]],
      message: /2 providers are marked `default: true`/,
    },
    {
      name: 'three defaults: reported on the second and third',
      yaml: pkg('providers:\n  - { type: bbb, default: true }\n  - { type: bbb, name: b, default: true }\n  - { type: scalelite, default: true }\n'),
      expected: [
        ['SP3010', 6, 27],
        ['SP3010', 7, 24],
      ],
    },
  ]);

  it('relates a second default to the first', () => {
    const [d] = checkYaml(pkg('providers:\n  - type: bbb\n    default: true\n  - type: scalelite\n    default: true\n'));
    expect(d?.related?.[0]).toMatchObject({ file: 'p.yaml', line: 6, column: 5 });
  });
});

describe('provider-required: a package that can be subscribed needs a provider (SPEC §2.2)', () => {
  checkCases([
    {
      name: 'active without providers: error at the status',
      yaml: pkg('status: active\n'),
      expected: [['SP3011', 4, 9]],
      severity: 'error',
      message: /`active` but has no provider/,
      hint: '`providers: [{ type: bbb }]`',
    },
    { name: 'active with an empty list: error at the list', yaml: pkg('status: active\nproviders: []\n'), expected: [['SP3011', 5, 1]], severity: 'error' },
    { name: 'a draft (the default status): warning', yaml: pkg(''), expected: [['SP3011', 1, 1]], severity: 'warning' },
    { name: 'an explicit draft: warning', yaml: pkg('status: draft\n'), expected: [['SP3011', 4, 9]], severity: 'warning' },
    { name: 'inactive: nothing', yaml: pkg('status: inactive\n'), expected: [] },
    { name: 'active with a provider', yaml: pkg('status: active\nproviders: [{ type: scalelite }]\n'), expected: [] },
    { name: 'a bad status is the schema’s business', yaml: pkg('status: enabled\n'), expected: [['SP2004', 4, 9]] },
    {
      name: 'no provider and provider-enforced features: one SP3011, no SP3007 per feature',
      yaml: pkg('status: active\nproviders: []\nfeatures:\n  max_participants: 50\n  max_rooms: 3\n'),
      expected: [['SP3011', 5, 1]],
      severity: 'error',
    },
    {
      name: 'inactive with no provider still names each unenforced feature (nothing else does)',
      yaml: pkg('status: inactive\nproviders: []\nfeatures:\n  max_participants: 50\n'),
      expected: [['SP3007', 7, 3]],
    },
  ]);

  it('relates the features no provider enforces to the one SP3011', () => {
    const diagnostics = checkYaml(pkg('status: active\nproviders: []\nfeatures:\n  max_participants: 50\n'));
    expect(diagnostics.map((d) => d.code)).toEqual(['SP3011']);
    expect(diagnostics[0]?.related?.map((r) => [r.message, r.line, r.column])).toEqual([['`max_participants` is enforced by the provider', 7, 3]]);
  });
});

/** The default catalog with a settings schema on `bbb` (the default catalog's are empty). */
function catalogWithBbbSettings(): Catalog {
  const settingsSchema = {
    type: 'object',
    properties: { max_sessions: { type: 'integer', minimum: 1 }, region: { enum: ['eu', 'us'] } },
    additionalProperties: false,
  };
  const providerTypes: ProviderTypeDefinition[] = catalog.providerTypes.map((t) => (t.type === 'bbb' ? { ...t, settings_schema: settingsSchema } : t));
  const providerTypeByCode = new Map<string, ProviderTypeDefinition>();
  for (const t of providerTypes) for (const code of [t.type, ...(t.aliases ?? [])]) providerTypeByCode.set(code, t);
  return { ...catalog, providerTypes, providerTypeByCode };
}

describe('provider-settings: settings match the provider type’s settings schema (SPEC §2.2)', () => {
  checkCases([
    { name: 'the default catalog accepts any settings', yaml: pkg('providers:\n  - type: bbb\n    settings: { max_sessions: many, anything: 1 }\n'), expected: [] },
  ]);
  checkCases(
    [
      { name: 'valid settings', yaml: pkg('providers:\n  - type: bbb\n    settings: { max_sessions: 10, region: eu }\n'), expected: [] },
      {
        name: 'a value of the wrong type',
        yaml: pkg('providers:\n  - type: bbb\n    settings:\n      max_sessions: many\n'),
        expected: [['SP3012', 7, 21]],
        message: /settings of the `bbb` provider/,
      },
      {
        name: 'an unknown setting, with a suggestion',
        yaml: pkg('providers:\n  - type: bigbluebutton\n    settings:\n      max_session: 3\n'),
        expected: [['SP3012', 7, 7]],
        hint: '`max_sessions`',
      },
      { name: 'scalelite keeps its empty schema', yaml: pkg('providers:\n  - type: scalelite\n    settings: { max_session: 3 }\n'), expected: [] },
    ],
    catalogWithBbbSettings(),
  );
});
