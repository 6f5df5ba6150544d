import type { ts as TS } from 'ts-morph';
import type { Change } from '../diff/change.ts';
import type { ChangeKind } from '../diff/classify.ts';
import { ancestry, declaringShapes, excerpt, report, shapesOfType, type ImpactContext } from './context.ts';
import type { UseKind } from './finding.ts';
import type { GeneratedShape } from './generated-code.ts';
import { sentence } from './why.ts';

/**
 * Properties of generated types: reads (`user.displayName`, destructuring), writes (object
 * literals sent in create and update bodies, assignments) and values built of a read shape.
 * A change counts where the data flows the way it hurts: a looser value where it is read, a
 * tighter or read-only one where it is sent (the same rules as the diff's, classify.ts).
 */

/** Which way a change hurts; unlisted kinds hurt any use. */
const HURTS: Partial<Record<ChangeKind, 'read' | 'send' | 'update'>> = {
  'nullability-loosened': 'read',
  'enum-member-added': 'read',
  'nullability-tightened': 'send',
  'property-made-read-only': 'send',
  'facets-changed': 'send',
  'default-value-changed': 'send',
  'required-property-added': 'send',
  'type-made-abstract': 'send',
  'property-made-immutable': 'update',
};

/** Kinds that are about a property or navigation property of a type. */
const MEMBER_KINDS = new Set<ChangeKind>([
  'property-removed',
  'property-type-changed',
  'property-kind-changed',
  'nullability-loosened',
  'nullability-tightened',
  'property-made-read-only',
  'property-made-immutable',
  'facets-changed',
  'default-value-changed',
  'navigation-removed',
  'navigation-type-changed',
]);

export function hurts(change: Change, use: { sent: boolean; mode: GeneratedShape['mode'] }): boolean {
  const direction = HURTS[change.kind];
  if (direction === 'read') return !use.sent;
  if (direction === 'send') return use.sent;
  if (direction === 'update') return use.sent && use.mode === 'update';
  return true;
}

export function visitProperties(context: ImpactContext, node: TS.Node): void {
  const { ts } = context;
  // Names no member change has are skipped before the checker is asked anything.
  const names = changedMemberNames(context);
  if (ts.isPropertyAccessExpression(node)) {
    if (names.members.has(node.name.text)) memberUse(context, node.name, node.name.text, node, accessOf(ts, node));
  } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    if (names.members.has(node.argumentExpression.text)) memberUse(context, node.argumentExpression, node.argumentExpression.text, node, accessOf(ts, node));
  } else if (ts.isObjectLiteralExpression(node)) {
    if (names.required || node.properties.some((property) => property.name !== undefined && names.members.has(propertyName(ts, property.name) ?? ''))) objectLiteral(context, node);
  } else if (ts.isObjectBindingPattern(node)) destructuring(context, node);
}

const nameSets = new WeakMap<object, { members: Set<string>; required: boolean }>();

function changedMemberNames(context: ImpactContext): { members: Set<string>; required: boolean } {
  let names = nameSets.get(context.changes);
  if (!names) {
    const relevant = context.changes.relevant;
    names = {
      members: new Set(relevant.filter((change) => MEMBER_KINDS.has(change.kind)).map((change) => change.target.slice(change.target.lastIndexOf('/') + 1))),
      required: relevant.some((change) => change.kind === 'required-property-added'),
    };
    nameSets.set(context.changes, names);
  }
  return names;
}

type Access = 'read' | 'write';

function accessOf(ts: typeof TS, node: TS.Expression): Access {
  let current: TS.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent) && parent.left === current) {
    const operator = parent.operatorToken.kind;
    if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) return 'write';
  }
  if (ts.isDeleteExpression(parent)) return 'write';
  return 'read';
}

/** `x.name` or `x['name']`: the property's declarations in the generated types say which types it belongs to. */
function memberUse(context: ImpactContext, nameNode: TS.Node, name: string, whole: TS.Node, access: Access): void {
  const symbol = context.checker.getSymbolAtLocation(nameNode);
  if (!symbol) return;
  for (const shape of declaringShapes(context, symbol)) {
    const sent = access === 'write' && shape.mode !== 'read';
    const use: UseKind = access === 'write' ? (sent ? 'write' : 'construct') : 'read';
    const verb = access === 'write' ? 'sets' : 'reads';
    memberFindings(context, nameNode, shape, name, { use, sent, verb, what: `\`${excerpt(whole)}\`` });
  }
}

function memberFindings(
  context: ImpactContext,
  at: TS.Node,
  shape: GeneratedShape,
  name: string,
  use: { use: UseKind; sent: boolean; verb: string; what: string },
): void {
  const target = `${shape.qualifiedName}/${name}`;
  for (const change of context.changes.at(target)) {
    if (!MEMBER_KINDS.has(change.kind) || !hurts(change, { sent: use.sent, mode: shape.mode })) continue;
    // Building a value of a read shape neither reads nor sends it: only a change of shape counts.
    if (use.use === 'construct' && HURTS[change.kind] !== undefined) continue;
    report(context, at, use.use, change, sentence(use.verb, `${use.what} (${target})`, change));
  }
}

/** An object literal typed as a generated shape: each property is set; a create body must hold every required property. */
function objectLiteral(context: ImpactContext, node: TS.ObjectLiteralExpression): void {
  const { ts, checker } = context;
  const contextual = checker.getContextualType(node);
  if (!contextual) return;
  let shapes = shapesOfType(context, contextual).filter((shape) => shape.kind === 'structured');
  if (shapes.length === 0) return;
  const names = new Set<string>();
  for (const property of node.properties) {
    if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) continue;
    const name = propertyName(ts, property.name);
    if (name === undefined) continue;
    names.add(name);
    if (name === '@odata.type' && ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer)) {
      // A polymorphic body says which type it is.
      const named = property.initializer.text.replace(/^#/, '');
      const only = shapes.filter((shape) => shape.qualifiedName === named);
      if (only.length > 0) shapes = only;
    }
  }
  for (const property of node.properties) {
    if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) continue;
    const name = propertyName(ts, property.name);
    if (name === undefined) continue;
    const symbol = propertySymbol(context, contextual, name);
    if (!symbol) continue;
    for (const shape of declaringShapes(context, symbol)) {
      const sent = shape.mode !== 'read';
      const verb = sent ? `sends \`${name}\` in ${shape.mode === 'update' ? 'an update' : 'a create'} body` : `sets \`${name}\``;
      memberFindings(context, property.name, shape, name, { use: sent ? 'write' : 'construct', sent, verb, what: `of ${shape.qualifiedName}` });
    }
  }
  requiredProperties(context, node, shapes, names);
}

/** `required-property-added` on the type created here or a base type of it. */
function requiredProperties(context: ImpactContext, node: TS.ObjectLiteralExpression, shapes: GeneratedShape[], names: Set<string>): void {
  const hasSpread = node.properties.some((property) => context.ts.isSpreadAssignment(property));
  const reported = new Set<string>();
  for (const shape of shapes) {
    if (shape.mode !== 'create') continue;
    for (const typeName of ancestry(context.oldModel, shape.qualifiedName)) {
      for (const change of context.changes.relevant) {
        if (change.kind !== 'required-property-added' || !change.target.startsWith(`${typeName}/`) || reported.has(change.target)) continue;
        const property = change.target.slice(typeName.length + 1);
        if (names.has(property) || hasSpread) continue;
        reported.add(change.target);
        const why = `creates ${shape.qualifiedName} without \`${property}\` (${change.target}), which is now required on create.`;
        report(context, node, 'write', change, why);
      }
    }
  }
}

/** `const { a, b: c } = value`: reads of a and b. */
function destructuring(context: ImpactContext, node: TS.ObjectBindingPattern): void {
  const { ts, checker } = context;
  const type = checker.getTypeAtLocation(node);
  for (const element of node.elements) {
    if (element.dotDotDotToken) continue;
    const key = element.propertyName ?? element.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined;
    if (name === undefined) continue;
    const symbol = propertySymbol(context, type, name);
    if (!symbol) continue;
    for (const shape of declaringShapes(context, symbol)) {
      memberFindings(context, key, shape, name, { use: 'read', sent: false, verb: 'reads', what: `\`${name}\`` });
    }
  }
}

/** A property of a type, looked up in each member of a union. */
function propertySymbol(context: ImpactContext, type: TS.Type, name: string): TS.Symbol | undefined {
  const direct = context.checker.getPropertyOfType(type, name);
  if (direct) return direct;
  if (!type.isUnion()) return undefined;
  for (const part of type.types) {
    const found = context.checker.getPropertyOfType(part, name);
    if (found) return found;
  }
  return undefined;
}

function propertyName(ts: typeof TS, name: TS.PropertyName | TS.Node): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

export { MEMBER_KINDS };
