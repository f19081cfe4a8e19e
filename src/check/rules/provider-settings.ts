// Provider settings must match the provider type's `settings_schema` from the catalog (docs/packages.md#providers, docs/packages.md#providers).
import type { ValidateFunction } from 'ajv';
import type { RelatedLocation } from '../../diagnostics/diagnostic.js';
import { defineCodes } from '../../diagnostics/registry.js';
import type { ProviderTypeDefinition } from '../../catalog/model.js';
import { getAjv } from '../../schema/ajv.js';
import { collapseAjvErrors } from '../../schema/collapse.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  invalidProviderSettings: {
    code: 'SP3012',
    severity: 'error',
    title: 'Invalid provider settings',
    description: "A provider entry's `settings` do not match the `settings_schema` its provider type declares in the catalog.",
    example: 'providers:\n  - type: bbb\n    settings:\n      max_sessions: many\n',
    fix: "Follow the message: the provider type's settings schema in the catalog says what is accepted.",
  },
});

/** Compiled settings schemas, one per provider type definition (a catalog reload brings new objects). */
const validators = new WeakMap<ProviderTypeDefinition, ValidateFunction | null>();

function validatorFor(definition: ProviderTypeDefinition): ValidateFunction | null {
  const cached = validators.get(definition);
  if (cached !== undefined) return cached;
  let validate: ValidateFunction | null = null;
  try {
    validate = getAjv().compile(definition.settings_schema ?? {});
  } catch {
    // The catalog loader reports a schema that does not compile; nothing to validate against here.
    validate = null;
  }
  validators.set(definition, validate);
  return validate;
}

export const rule: PackageRule = {
  scope: 'package',
  name: 'provider-settings',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    (pkg.providers ?? []).forEach((provider, i) => {
      const definition = catalog.providerTypeByCode.get(provider.type);
      if (!definition || provider.settings === undefined) return;
      const validate = validatorFor(definition);
      if (!validate || validate(provider.settings)) return;
      for (const problem of collapseAjvErrors(validate.errors ?? [])) {
        report(CODES.invalidProviderSettings, `/providers/${i}/settings${problem.pointer}`, `settings of the \`${definition.type}\` provider: ${problem.message}`, {
          target: problem.target,
          hint: problem.hint ?? `see the \`settings_schema\` of \`${definition.type}\` in the catalog`,
          related: relatedSchema(catalog.locations.get(`provider_type:${definition.type}`), definition.type),
        });
      }
    });
  },
};

function relatedSchema(location: RelatedLocation | undefined, type: string): RelatedLocation[] {
  return location ? [{ ...location, message: `provider type \`${type}\` and its settings schema` }] : [];
}
