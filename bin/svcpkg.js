#!/usr/bin/env node
// Entry point: the CLI lives in dist/cli (built by `npm run build`, run by `npm install`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
