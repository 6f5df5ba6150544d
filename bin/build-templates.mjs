#!/usr/bin/env node
// Build step after tsc (`npm run build`): precompiles the built-in handlebars templates into
// dist/generator/emit/templates.precompiled.cjs, so the installed CLI loads only the handlebars
// runtime (generator/emit/templates.ts says when a precompiled template is used).
import { writeFileSync } from 'node:fs';

const dist = new URL('../dist/generator/emit/', import.meta.url);
const { precompiledTemplatesModule } = await import(new URL('templates.js', dist).href);
writeFileSync(new URL('templates.precompiled.cjs', dist), precompiledTemplatesModule());
process.stdout.write('precompiled the built-in templates into dist/generator/emit/templates.precompiled.cjs\n');
