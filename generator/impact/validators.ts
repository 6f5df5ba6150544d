import type { ts as TS } from 'ts-morph';
import { lookupStructuredType } from '../model/queries.ts';
import { ancestry, declaredIn, report, type ImpactContext } from './context.ts';
import { hurts } from './properties.ts';

/**
 * Generated validators of a changed type: `validators.user.read(value)` and
 * `validate('microsoft.graph.user', value, 'create')`. They check values by the old
 * schema's rules until the code is regenerated; a change to the type or a base type changes
 * what they should accept. The mode (`read`, `create`, `update`) says which changes count.
 */
const READ_METHODS = new Set(['read', 'readCollection', 'is']);
const SEND_METHODS = new Set(['create', 'update']);
/** Changes of URLs, not of values: nothing a validator checks. */
const NOT_VALIDATED = new Set(['containment-changed', 'key-changed']);

export function visitValidators(context: ImpactContext, node: TS.Node): void {
  const { ts } = context;
  if (ts.isPropertyAccessExpression(node)) validatorMember(context, node);
  else if (ts.isCallExpression(node)) validateCall(context, node);
}

/** `validators.user`, with the method called on it when there is one. */
function validatorMember(context: ImpactContext, node: TS.PropertyAccessExpression): void {
  const { ts, checker } = context;
  const symbol = checker.getSymbolAtLocation(node.name);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !declaredIn(declaration, context.generated.validatorsFile) || !ts.isPropertyAssignment(declaration)) return;
  const entry = declaration.initializer;
  if (!ts.isCallExpression(entry) || !entry.arguments[0] || !ts.isStringLiteralLike(entry.arguments[0])) return;
  const typeName = entry.arguments[0].text;
  const parent = node.parent;
  const method = ts.isPropertyAccessExpression(parent) && parent.expression === node ? parent.name.text : undefined;
  findings(context, node.name, typeName, method, `\`validators.${node.name.text}${method ? `.${method}` : ''}\``);
}

/** `validate('ns.type', value, 'mode')` from validators.gen.ts. */
function validateCall(context: ImpactContext, node: TS.CallExpression): void {
  const { ts, checker } = context;
  const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
  const symbol = checker.getSymbolAtLocation(callee);
  const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = resolved?.valueDeclaration;
  if (!declaration || !declaredIn(declaration, context.generated.validatorsFile) || resolved.getName() !== 'validate') return;
  const [type, , mode] = node.arguments;
  if (!type || !ts.isStringLiteralLike(type)) return;
  const method = mode && ts.isStringLiteralLike(mode) ? mode.text : undefined;
  findings(context, type, type.text.replace(/^#/, '').replace(/^Collection\((.*)\)$/, '$1'), method, `\`validate('${type.text}')\``);
}

function findings(context: ImpactContext, at: TS.Node, typeName: string, method: string | undefined, what: string): void {
  const reading = method === undefined || READ_METHODS.has(method);
  const sending = method === undefined || SEND_METHODS.has(method);
  const mode = method === 'update' ? 'update' : method === 'create' ? 'create' : 'read';
  for (const owner of validatedTypes(context, typeName)) {
    for (const change of [...context.changes.at(owner), ...context.changes.membersOf(owner)]) {
      if (NOT_VALIDATED.has(change.kind)) continue;
      const applies = (reading && hurts(change, { sent: false, mode })) || (sending && hurts(change, { sent: true, mode }));
      if (!applies) continue;
      const subject = change.target === owner ? owner : change.target;
      const message = change.message.charAt(0).toLowerCase() + change.message.slice(1);
      report(context, at, 'validator', change, `${what} checks values by the old schema of ${typeName}, where ${subject} changes: ${message}.`);
    }
  }
}

/** The type, its base types, and the enums their properties hold: a new member is a value the old validator refuses. */
function validatedTypes(context: ImpactContext, typeName: string): string[] {
  const chain = ancestry(context.oldModel, typeName);
  const enums = new Set<string>();
  for (const name of chain) {
    const type = lookupStructuredType(context.oldModel, name);
    for (const property of type?.properties ?? []) {
      if (context.oldModel.types[property.type]?.kind === 'enum') enums.add(property.type);
    }
  }
  return [...chain, ...[...enums].sort()];
}
