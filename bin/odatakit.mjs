#!/usr/bin/env node
// The installed CLI: runs the compiled JavaScript in dist/ (built by `npm run build`, which
// `npm pack` and `npm ci` run through `prepare`); no transpiler at start. For development and
// the tests, bin/odatakit-dev.mjs runs the TypeScript sources instead (docs/decisions/0007).
import { main } from '../dist/generator/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
