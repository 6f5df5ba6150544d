#!/usr/bin/env node
// Runs the CLI from the TypeScript sources through tsx, for development and the unit tests:
// no build step between an edit and a run. Users get bin/odatakit.mjs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
