import type { Annotated, SourcePosition } from '../model/types.ts';
import { record, type DiffContext } from './context.ts';

/**
 * Core.Description and Core.LongDescription (OData Core vocabulary), or the descriptions
 * doc pages contribute: a change there touches documentation comments only.
 */
export function compareDescriptions(
  context: DiffContext,
  target: string,
  before: Annotated | { description?: string; longDescription?: string },
  after: Annotated | { description?: string; longDescription?: string },
  at: { old?: SourcePosition | undefined; new?: SourcePosition | undefined },
): void {
  const parts = [
    describe('description', before.description, after.description),
    describe('long description', before.longDescription, after.longDescription),
  ].filter((part) => part !== undefined);
  if (parts.length === 0) return;
  record(context, { kind: 'description-changed', target, message: sentence(parts.join('; ')), old: at.old, new: at.new });
}

function describe(what: string, before: string | undefined, after: string | undefined): string | undefined {
  if (before === after) return undefined;
  if (before === undefined) return `${what} added`;
  if (after === undefined) return `${what} removed`;
  return `${what} changed`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
