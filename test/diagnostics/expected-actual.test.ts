// Suggestions travel as data (`expected`/`actual`, vfile-message's fields), so no consumer has to
// read them back out of a hint's text (as the lockfile reader once did).
import { describe, expect, it } from 'vitest';
import { checkValue } from '../../src/schema/validate.js';

describe('expected / actual', () => {
  it('an unknown property with a close known one carries the suggestion', () => {
    const [problem] = checkValue('service-package', { code: 'a-pkg', name: 'A', service_type: 'meet', pirce: 1 });
    expect(problem).toMatchObject({ code: 'SP2001', hint: 'did you mean `price`?', expected: ['price'], actual: 'pirce' });
  });

  it('a value outside an enum with a close allowed one carries the suggestion', () => {
    const [problem] = checkValue('service-package', { code: 'a-pkg', name: 'A', service_type: 'meet', status: 'actve' });
    expect(problem).toMatchObject({ expected: ['active'], actual: 'actve' });
    expect(problem?.hint).toContain('`active`');
  });

  it('no suggestion, no expected', () => {
    const problems = checkValue('service-package', { code: 'a-pkg', name: 'A', service_type: 'meet', zzzzzzzzzzzz: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.expected).toBeUndefined();
    expect(problems[0]?.actual).toBeUndefined();
  });
});
