// Every semantic rule, in the order they run. Adding a rule: one file here, one line below.
import type { CodeDefinition } from '../../diagnostics/registry.js';
import type { PackageRule, RepoRule } from '../context.js';
import * as duplicateCode from './duplicate-code.js';
import * as serviceType from './service-type.js';

/** Rules over one package. */
export const PACKAGE_RULES: readonly PackageRule[] = [serviceType.rule];

/** Rules across packages. */
export const REPO_RULES: readonly RepoRule[] = [duplicateCode.rule];

/** Every code the rules report. */
export const RULE_CODES: readonly CodeDefinition[] = [...PACKAGE_RULES, ...REPO_RULES].flatMap((r) => r.codes);
