// The rule codes feed docs/diagnostics.md: each must be unique, in its stage's range, and documented.
import { describe, expect, it } from 'vitest';
import { PACKAGE_RULES, REPO_RULES, RULE_CODES } from '../../src/check/index.js';

describe('rule codes', () => {
  it('are unique', () => {
    const codes = RULE_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are SP3xxx for package rules and SP4xxx for cross-package rules', () => {
    for (const rule of PACKAGE_RULES) for (const c of rule.codes) expect(c.code, rule.name).toMatch(/^SP3\d{3}$/);
    for (const rule of REPO_RULES) for (const c of rule.codes) expect(c.code, rule.name).toMatch(/^SP4\d{3}$/);
  });

  it('each have a title, description, example and fix', () => {
    for (const c of RULE_CODES) {
      expect(c.title.length, c.code).toBeGreaterThan(3);
      expect(c.description.length, c.code).toBeGreaterThan(20);
      expect(c.example.length, c.code).toBeGreaterThan(5);
      expect(c.fix.length, c.code).toBeGreaterThan(5);
    }
  });

  it('rules have unique names', () => {
    const names = [...PACKAGE_RULES, ...REPO_RULES].map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
