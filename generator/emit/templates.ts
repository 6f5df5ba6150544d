import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../package-files.ts';
import type HandlebarsNamespace from 'handlebars';
import { closureTemplate } from './template-closures.ts';

/**
 * Renders handlebars templates from `templates/`, or from a user's folder that overrides
 * any of them by file name. Templates are views: compiled with `strict`, `noEscape` and
 * `knownHelpersOnly`, and given no helpers, so every decision is made in TypeScript.
 *
 * The build precompiles the built-in templates (bin/build-templates.mjs writes
 * `templates.precompiled.cjs` beside the compiled module), so a run that uses only them
 * loads the handlebars runtime, not its parser and compiler (about a fifth of the CLI's
 * start). A precompiled template is used only when its source is the text of the file it
 * would be compiled from; an override, an edited template, or a run from the sources
 * (no precompiled file) compiles at run time with the same options.
 */
export const BUILTIN_TEMPLATES = packagePath('templates/');

/** The options every template (and the partial, which handlebars compiles with its caller's) is compiled with. */
export const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: {},
  preventIndent: true,
} as const;

export const PARTIALS = ['partials/header.hbs'];

/** A template's text parsed as handlebars' compile parses it: with the compile options (parse reads `ignoreStandalone`). */
export function parseTemplate(handlebars: typeof HandlebarsNamespace, source: string): hbs.AST.Program {
  return handlebars.parse(source, COMPILE_OPTIONS as object);
}

/**
 * What the build writes: template name (relative to `templates/`) -> its source, its
 * precompiled spec and its parsed form (for template-closures.ts; absent: handlebars alone).
 */
export type PrecompiledTemplates = Record<string, { source: string; spec: Parameters<typeof HandlebarsNamespace.template>[0]; ast?: hbs.AST.Program }>;

export interface TemplateRenderer {
  render(name: string, view: object): string;
}

const require = createRequire(import.meta.url);
const PRECOMPILED = new URL('./templates.precompiled.cjs', import.meta.url);

/** `precompiled` is the build's (tests pass their own). */
export function createTemplateRenderer(overrides?: string, precompiled: PrecompiledTemplates = loadPrecompiled()): TemplateRenderer {
  // Only the runtime when every template is precompiled; the full handlebars once one is not.
  const runtime: typeof HandlebarsNamespace = (require('handlebars/runtime') as typeof HandlebarsNamespace).create();
  let compiler: typeof HandlebarsNamespace | undefined;
  const partials: Record<string, HandlebarsNamespace.TemplateDelegate> = {};
  const templateOf = (name: string, source: string): HandlebarsNamespace.TemplateDelegate | undefined => {
    const entry = precompiled[name];
    return entry && entry.source === source ? runtime.template(entry.spec) : undefined;
  };
  const compile = (source: string): HandlebarsNamespace.TemplateDelegate => {
    if (!compiler) {
      compiler = (require('handlebars') as typeof HandlebarsNamespace).create();
      compiler.registerPartial(partials);
    }
    return compiler.compile(source, COMPILE_OPTIONS);
  };
  // The parsed template for template-closures.ts: the build's, or handlebars' parse when it compiles the template anyway.
  const parsedOf = (name: string, builtin: boolean, source: string): hbs.AST.Program | undefined => {
    const entry = builtin ? precompiled[name] : undefined;
    return entry && entry.source === source ? entry.ast : compiler && parseTemplate(compiler, source);
  };
  const parsedPartials: Record<string, hbs.AST.Program> = {};
  const compiled = new Map<string, (view: object) => string>();
  const load = (name: string): ((view: object) => string) => {
    let render = compiled.get(name);
    if (!render) {
      const file = locate(name, overrides);
      const source = readFileSync(file, 'utf8');
      const builtin = file === join(BUILTIN_TEMPLATES, name);
      const template = (builtin ? templateOf(name, source) : undefined) ?? compile(source);
      const parsed = parsedOf(name, builtin, source);
      const closures = parsed && closureTemplate(parsed, parsedPartials);
      // Handlebars renders whatever the closures leave to it (template-closures.ts), with the same output.
      render = closures ? (view) => closures(view) ?? template(view) : template;
      compiled.set(name, render);
    }
    return render;
  };
  for (const partial of PARTIALS) {
    const file = locate(partial, overrides);
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    const builtin = file === join(BUILTIN_TEMPLATES, partial);
    // Compiled with the templates' options, as handlebars would compile a partial's text with its caller's.
    partials[basename(partial, '.hbs')] = (builtin ? templateOf(partial, source) : undefined) ?? compile(source);
    const parsed = parsedOf(partial, builtin, source);
    if (parsed) parsedPartials[basename(partial, '.hbs')] = parsed;
  }
  runtime.registerPartial(partials);
  compiler?.registerPartial(partials);
  return { render: (name, view) => load(name)(view) };
}

/**
 * The CommonJS module the build writes as `templates.precompiled.cjs`: every built-in template
 * (partials included) precompiled with COMPILE_OPTIONS, beside its source.
 */
export function precompiledTemplatesModule(): string {
  const handlebars = require('handlebars') as typeof HandlebarsNamespace;
  const names = readdirSync(BUILTIN_TEMPLATES, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(sep).join('/'))
    .filter((file) => file.endsWith('.hbs'))
    .sort();
  const entries = names.map((name) => {
    const source = readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8');
    // precompile returns the spec as JavaScript source (an object literal of functions).
    const spec = handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string;
    // The parsed form as handlebars compiles it (whitespace control applied), without source locations.
    const ast = JSON.stringify(parseTemplate(handlebars, source), (key, value: unknown) => (key === 'loc' ? undefined : value));
    return `  ${JSON.stringify(name)}: {\n    source: ${JSON.stringify(source)},\n    spec: ${spec},\n    ast: ${ast},\n  },\n`;
  });
  return `// Generated at build time (bin/build-templates.mjs) from templates/. Do not edit.\n'use strict';\nmodule.exports = {\n${entries.join('')}};\n`;
}

function loadPrecompiled(): PrecompiledTemplates {
  if (PRECOMPILED.protocol !== 'file:' || !existsSync(PRECOMPILED)) return {};
  return require(fileURLToPath(PRECOMPILED)) as PrecompiledTemplates;
}

/** An override is found by file name alone (`--templates my/` overrides `ts-types/interface.hbs` with `my/interface.hbs`) or by its full relative path. */
function locate(name: string, overrides: string | undefined): string {
  if (overrides) {
    for (const candidate of [join(overrides, name), join(overrides, basename(name))]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return join(BUILTIN_TEMPLATES, name);
}
