// `svcpkg schema`: catalog-specialised JSON Schemas that any JSON Schema validator (here a fresh,
// strict ajv) accepts and that agree with svcpkg on what a package may contain.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from './git.js';

async function packageValidator(cwd: string) {
  const result = await runInProcess(['schema'], { cwd });
  expect(result.code).toBe(0);
  const schema = JSON.parse(result.stdout) as Record<string, unknown>;
  // A plain validator, strict: no svcpkg keywords registered.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  return { schema, validate: ajv.compile(schema) };
}

const VALID = {
  code: 'meet-standard',
  name: 'Standard',
  service_type: 'meet',
  status: 'active',
  price: 12.5,
  currency: 'EUR',
  providers: [{ type: 'bigbluebutton', name: 'main' }],
  features: {
    max_rooms: 10,
    max_participants: true,
    recording: true,
    max_storage: { value: 50, periodicity_type: 'monthly', periodicity: 1 },
  },
  notification_preferences: [{ event: 'quota_threshold', threshold: 80, channels: ['email'], features: ['max_rooms'] }],
};

describe('svcpkg schema', () => {
  it('prints a schema that accepts a correct package', async () => {
    const { validate } = await packageValidator(await tempDir());
    expect(validate(VALID), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown feature code', { ...VALID, features: { max_romos: 10 } }],
    ['an unknown service type', { ...VALID, service_type: 'meeting' }],
    ['an unknown provider type', { ...VALID, providers: [{ type: 'jitsi' }] }],
    ['a feature its service type does not allow', { ...VALID, service_type: 'phone', features: { max_rooms: 3 } }],
    ['a switch given a number', { ...VALID, features: { recording: 3 } }],
    ['a currency that is not an ISO 4217 code (the CLI says SP3020)', { ...VALID, currency: 'US$' }],
    ['a lower-case currency code', { ...VALID, currency: 'eur' }],
    [
      'a notification on a switch feature',
      { ...VALID, notification_preferences: [{ event: 'quota_exceeded', channels: ['email'], features: ['recording'] }] },
    ],
    ['an overage price on a switch (the CLI says SP3026)', { ...VALID, features: { recording: { value: true, overage: { price: 1 } } } }],
    ['`seats` on a feature other than max_accounts (the CLI says SP3033)', { ...VALID, features: { max_rooms: 'seats' } }],
    ['an unknown overage model', { ...VALID, features: { max_storage: { value: 5, overage: { model: 'tiered', price: 1 } } } }],
    ['a seat price per something else', { ...VALID, price_per: 'host' }],
  ])('rejects %s', async (_what, pkg) => {
    const { validate } = await packageValidator(await tempDir());
    expect(validate(pkg)).toBe(false);
  });

  it('offers seat prices and overage prices on quota limits', async () => {
    const { validate } = await packageValidator(await tempDir());
    const priced = {
      ...VALID,
      price_per: 'seat',
      min_seats: 3,
      max_seats: 50,
      overages_enabled: true,
      features: {
        max_accounts: 'seats',
        max_storage: { value: 100, overage: { price: 0.5 } },
        max_participants: { value: 250, overage: { model: 'package', price: 5, per: 50 } },
        max_duration: { value: 600, overage: { model: 'graduated', tiers: [{ up_to: 100, price: 0.02 }, { price: 0.01 }] } },
      },
    };
    expect(validate(priced), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes feature codes with the catalog and lists service types', async () => {
    const { schema } = await packageValidator(await tempDir());
    const features = (schema['properties'] as Record<string, Record<string, unknown>>)['features']!;
    expect(features['propertyNames']).toEqual({ enum: expect.arrayContaining(['max_rooms', 'recording']) });
    const maxDuration = (features['properties'] as Record<string, { description: string }>)['max_duration']!;
    expect(maxDuration.description).toContain('Max Duration');
    expect(maxDuration.description).toContain('minutes');
    expect((schema['properties'] as Record<string, { enum?: string[] }>)['service_type']?.enum).toContain('webinar');
    expect(JSON.stringify(schema)).not.toContain('x-expected');
  });

  it('writes the package and config schemas with --out, and leaves unchanged files alone', async () => {
    const dir = await tempDir();
    const first = await runInProcess(['schema', '--out', 'schemas'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote schemas/service-package.schema.json');
    const config = JSON.parse(await readFile(path.join(dir, 'schemas', 'svcpkg.config.schema.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    expect(ajv.validate(config, { packages: 'plans', emit: ['json'] })).toBe(true);
    expect(ajv.validate(config, { emit: ['pdf'] })).toBe(false);
    const again = await runInProcess(['schema', '--out', 'schemas'], { cwd: dir });
    expect(again.stderr).toContain('unchanged schemas/service-package.schema.json');
  });

  it('specialises with a repository catalog (--catalog)', async () => {
    const dir = await tempDir();
    const { cp } = await import('node:fs/promises');
    const { DEFAULT_CATALOG_DIR } = await import('../../src/assets.js');
    await cp(DEFAULT_CATALOG_DIR, path.join(dir, 'catalog'), { recursive: true });
    const { writeFile } = await import('node:fs/promises');
    const types = await readFile(path.join(dir, 'catalog', 'provider-types.yaml'), 'utf8');
    await writeFile(path.join(dir, 'catalog', 'provider-types.yaml'), types.replace('- type: scalelite', '- type: greenlight'));
    const result = await runInProcess(['schema', '--catalog', 'catalog'], { cwd: dir });
    expect(result.code).toBe(0);
    const providerType = JSON.parse(result.stdout).$defs.providerAttachment.properties.type as { enum: string[] };
    expect(providerType.enum).toEqual(['bbb', 'bigbluebutton', 'greenlight']);
  });
});
