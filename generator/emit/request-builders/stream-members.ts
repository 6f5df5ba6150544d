import { baseChain, lookupStructuredType } from '../../model/queries.ts';
import { docComment } from '../ts-types/doc-comment.ts';
import { memberKey } from './members.ts';
import type { PositionNode } from './tree.ts';
import { RUNTIME_NAMESPACE as R, type TypeTextContext } from './type-text.ts';
import { memo } from '../../model/memo.ts';

/**
 * The streams of a readable entity position: `$value: R.MediaValue` when the type is a media
 * entity type (`HasStream="true"`, CSDL 8.1.3; OData URL Conventions 4.01 section 4.12), and
 * one `R.StreamProperty` member per `Edm.Stream` property (`Photo: R.StreamProperty`, whose
 * `$value` the runtime reads and writes at `Photo`; OData Protocol 4.01 sections 11.2.4.3 and
 * 11.4.8). Collections have none.
 * (`takenKeys`: the member keys the position already has, asked for only when a stream property may need them.)
 */
export function streamMembers(context: TypeTextContext, node: PositionNode, takenKeys: () => ReadonlySet<string>): { doc: string; text: string }[] {
  if (node.type === undefined || node.collection || !node.operations.some((operation) => operation.method === 'GET')) return [];
  const streams = streamsOf(context, node.type);
  if (!streams) return [];
  const members: { doc: string; text: string }[] = [];
  if (streams.media) members.push({ doc: '', text: `$value: ${R}.MediaValue` });
  if (streams.properties.length === 0) return members;
  // A name a navigation or a bound callable already uses stays theirs.
  const taken = takenKeys();
  for (const stream of streams.properties) if (!taken.has(stream.key)) members.push({ doc: stream.doc, text: stream.text });
  return members;
}

interface TypeStreams {
  media: boolean;
  properties: { key: string; doc: string; text: string }[];
}

/** Per emit (context) and entity type, since a type has many positions; undefined for anything but an entity type. */
const streamIndex = new WeakMap<TypeTextContext, Map<string, TypeStreams | undefined>>();

function streamsOf(context: TypeTextContext, typeName: string): TypeStreams | undefined {
  return memo(memo(streamIndex, context, () => new Map()), typeName, () => typeStreams(context, typeName));
}

function typeStreams(context: TypeTextContext, typeName: string): TypeStreams | undefined {
  const type = lookupStructuredType(context.model, typeName);
  if (!type || type.kind !== 'entity') return undefined;
  const chain = baseChain(context.model, type);
  const streams: TypeStreams = { media: chain.some((item) => item.kind === 'entity' && item.hasStream), properties: [] };
  for (const item of chain) {
    for (const property of item.properties) {
      if (property.type !== 'Edm.Stream' || property.collection) continue;
      const key = memberKey(property.name);
      streams.properties.push({ key, doc: docComment([property.description], '  '), text: `${key}: ${R}.StreamProperty` });
    }
  }
  return streams;
}
