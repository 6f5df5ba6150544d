import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packagePath } from '../package-files.ts';
import Handlebars from 'handlebars';

/**
 * Renders handlebars templates from `templates/`, or from a user's folder that overrides
 * any of them by file name. Templates are views: compiled with `strict`, `noEscape` and
 * `knownHelpersOnly`, and given no helpers, so every decision is made in TypeScript.
 */
export const BUILTIN_TEMPLATES = packagePath('templates/');

export interface TemplateRenderer {
  render(name: string, view: object): string;
}

export function createTemplateRenderer(overrides?: string): TemplateRenderer {
  const handlebars = Handlebars.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const load = (name: string): Handlebars.TemplateDelegate => {
    let template = compiled.get(name);
    if (!template) {
      template = handlebars.compile(readFileSync(locate(name, overrides), 'utf8'), {
        strict: true,
        noEscape: true,
        knownHelpersOnly: true,
        knownHelpers: {},
        preventIndent: true,
      });
      compiled.set(name, template);
    }
    return template;
  };
  for (const partial of ['partials/header.hbs']) {
    if (existsSync(locate(partial, overrides))) {
      handlebars.registerPartial(basename(partial, '.hbs'), readFileSync(locate(partial, overrides), 'utf8'));
    }
  }
  return { render: (name, view) => load(name)(view) };
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
