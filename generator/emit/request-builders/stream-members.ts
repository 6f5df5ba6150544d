import { baseChain, lookupStructuredType } from '../../model/queries.ts';
import { docComment } from '../ts-types/doc-comment.ts';
import { memberKey } from './members.ts';
import type { PositionNode } from './tree.ts';
import { RUNTIME_NAMESPACE as R, type TypeTextContext } from './type-text.ts';

/**
 * The streams of a readable entity position: `$value: R.MediaValue` when the type is a media
 * entity type (`HasStream="true"`, CSDL 8.1.3; OData URL Conventions 4.01 section 4.12), and
 * one `R.StreamProperty` member per `Edm.Stream` property (`Photo: R.StreamProperty`, whose
 * `$value` the runtime reads and writes at `Photo`; OData Protocol 4.01 sections 11.2.4.3 and
 * 11.4.8). Collections have none.
 * (`taken`: member keys the position already has.)
 */
export function streamMembers(context: TypeTextContext, node: PositionNode, taken: ReadonlySet<string>): { doc: string; text: string }[] {
  if (node.type === undefined || node.collection || !node.operations.some((operation) => operation.method === 'GET')) return [];
  const type = lookupStructuredType(context.model, node.type);
  if (!type || type.kind !== 'entity') return [];
  const chain = baseChain(context.model, type);
  const members: { doc: string; text: string }[] = [];
  if (chain.some((item) => item.kind === 'entity' && item.hasStream)) members.push({ doc: '', text: `$value: ${R}.MediaValue` });
  for (const item of chain) {
    for (const property of item.properties) {
      // A name a navigation or a bound callable already uses stays theirs.
      if (property.type !== 'Edm.Stream' || property.collection || taken.has(memberKey(property.name))) continue;
      members.push({ doc: docComment([property.description], '  '), text: `${memberKey(property.name)}: ${R}.StreamProperty` });
    }
  }
  return members;
}
