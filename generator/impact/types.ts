import type { ts as TS } from 'ts-morph';
import type { ChangeKind } from '../diff/classify.ts';
import { report, resolvedSymbol, shapeOfSymbol, type ImpactContext } from './context.ts';
import { hurts } from './properties.ts';
import { sentence } from './why.ts';

/**
 * Names of generated types in the user's code (`T.ConditionalAccessPolicy`, `UserCreate`,
 * `extends T.User`): where a change to the type as a whole (removed, another base type, now
 * abstract or closed, an enum's flags) reaches the code.
 */
const TYPE_KINDS = new Set<ChangeKind>([
  'type-removed',
  'type-kind-changed',
  'base-type-changed',
  'type-closed',
  'type-made-abstract',
  'media-stream-removed',
  'type-definition-changed',
  'enum-flags-changed',
  'enum-underlying-type-changed',
]);

export function visitTypeReferences(context: ImpactContext, node: TS.Node): void {
  const { ts } = context;
  let name: TS.Node | undefined;
  if (ts.isTypeReferenceNode(node)) name = node.typeName;
  else if (ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent)) name = node.expression;
  if (!name) return;
  const last = ts.isQualifiedName(name) ? name.right : ts.isPropertyAccessExpression(name) ? name.name : name;
  const symbol = resolvedSymbol(context, last);
  const shape = symbol && shapeOfSymbol(context, symbol);
  if (!shape) return;
  for (const change of context.changes.at(shape.qualifiedName)) {
    if (!TYPE_KINDS.has(change.kind) || !hurts(change, { sent: shape.mode !== 'read', mode: shape.mode })) continue;
    const what = `\`${symbol.getName()}\` (${shape.qualifiedName}${shape.mode === 'read' ? '' : `, as ${shape.mode === 'create' ? 'created' : 'updated'}`})`;
    report(context, node, 'type', change, sentence('names', what, change));
  }
}
