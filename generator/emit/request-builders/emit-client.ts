import type { EmitContext, OutputFile } from '../emitter.ts';
import { headerSource } from '../header.ts';
import { indexCallables } from './callables.ts';
import { builderInterfaces } from './interfaces.ts';
import { buildRouteTable } from './route-table.ts';
import { buildPositionTree } from './tree.ts';

export const CLIENT_FILE = 'client.gen.ts';
export const ROUTES_FILE = 'client-routes.gen.ts';

/** `client.gen.ts` (the typed builders) and `client-routes.gen.ts` (the runtime's route table). */
export function emitClient(context: EmitContext): OutputFile[] {
  const { model, templates, options } = context;
  const tree = buildPositionTree(model);
  const callables = indexCallables(model, tree);
  const source = headerSource(model);
  const interfaces = builderInterfaces({ model, options }, tree, callables);
  const table = buildRouteTable(model, tree, callables);
  return [
    { path: CLIENT_FILE, content: templates.render('request-builders/client.hbs', { source, interfaces }) },
    { path: ROUTES_FILE, content: templates.render('request-builders/routes.hbs', { source, lines: routeLines(table) }) },
  ];
}

/**
 * The table as JSON split over lines (one per type), each a single-quoted string literal,
 * so that a schema change shows as a small diff.
 */
function routeLines(table: ReturnType<typeof buildRouteTable>): { text: string; end: string }[] {
  const { types, ...rest } = table;
  const head = JSON.stringify(rest).slice(0, -1);
  const parts = [`${head},"types":[`, ...types.map((type, index) => JSON.stringify(type) + (index < types.length - 1 ? ',' : '')), ']}'];
  return parts.map((part, index) => ({ text: quoted(part), end: index < parts.length - 1 ? ' +' : '' }));
}

/** A single-quoted JavaScript string literal (JSON text has few single quotes to escape). */
function quoted(text: string): string {
  return `'${text.replace(/[\\']/g, (char) => `\\${char}`).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}
