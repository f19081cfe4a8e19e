// The shipped schemas are valid draft 2020-12 schemas (start-up skips this check for speed).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../../src/assets.js';
import { getValidator } from '../../src/schema/ajv.js';

describe('schemas/', () => {
  it('holds valid JSON Schemas with unique ids and titles, each compiling in strict mode', async () => {
    const meta = new Ajv2020({ strict: false });
    const files = (await readdir(SCHEMAS_DIR)).filter((f) => f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const ids = new Set<string>();
    const titles = new Set<string>();
    for (const file of files) {
      const schema = JSON.parse(await readFile(path.join(SCHEMAS_DIR, file), 'utf8')) as { $id: string; title: string };
      expect(meta.validateSchema(schema), `${file}: ${JSON.stringify(meta.errors)}`).toBe(true);
      expect(schema.$id).toBe(`https://svcpkg.dev/schemas/${file}`);
      expect(ids.has(schema.$id)).toBe(false);
      expect(titles.has(schema.title), `${file}: title ${schema.title} reused`).toBe(false);
      ids.add(schema.$id);
      titles.add(schema.title);
      expect(() => getValidator(file.replace('.schema.json', ''))).not.toThrow();
    }
  });
});
