// Baseline: read every YAML file under a folder and parse it with js-yaml alone (README.md#performance).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadAll } from 'js-yaml';

const root = process.argv[2];
const files = (await readdir(root, { recursive: true })).filter((f) => /\.ya?ml$/.test(f)).sort();
let documents = 0;
const texts = await Promise.all(files.map((f) => readFile(path.join(root, f), 'utf8')));
for (const text of texts) {
  try {
    documents += loadAll(text).length;
  } catch {
    documents++; // a broken file of the noisy corpus: js-yaml stops at the error, as svcpkg reports it
  }
}
if (documents === 0) process.exitCode = 1;
