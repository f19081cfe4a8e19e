// Where each code is documented: its section of docs/diagnostics.md in the repository that
// package.json names. The one place a code's URL is derived (SARIF `helpUri`, the registry's `url`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../assets.js';

/** The page every code's section lives on. */
export const DIAGNOSTICS_DOC_URL = `${repositoryUrl()}/blob/main/docs/diagnostics.md`;

/**
 * The anchor of a code's section in docs/diagnostics.md: the code in lower case (`sp1001`). The
 * generated page writes it as an explicit `<a id>` so it survives a change of the code's title.
 */
export function codeAnchor(code: string): string {
  return code.toLowerCase();
}

/** The URL of a code's section of docs/diagnostics.md. */
export function codeUrl(code: string): string {
  return `${DIAGNOSTICS_DOC_URL}#${codeAnchor(code)}`;
}

/** The browsable URL of package.json's `repository` (`git+https://…/x.git` → `https://…/x`). */
function repositoryUrl(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const raw = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  // npm's shorthand `github:owner/name` (or bare `owner/name`) names a GitHub repository.
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  return raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}
