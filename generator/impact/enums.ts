import type { ts as TS } from 'ts-morph';
import type { Change } from '../diff/change.ts';
import { excerpt, report, resolvedSymbol, shapeOfSymbol, type ImpactContext } from './context.ts';

/**
 * Enum types (generated as unions of member names): `switch` statements and `if` chains over
 * an enum-typed value, which a new member slips through, and members written as literals
 * where the enum is expected, which a removed or renumbered member breaks. The enum of a
 * value comes from its type's alias, else from the declared type of what it was read from
 * (`T | null` loses the alias), else from its set of literals when one enum alone has it.
 */
export function visitEnums(context: ImpactContext, node: TS.Node): void {
  const { ts } = context;
  if (ts.isSwitchStatement(node)) switchStatement(context, node);
  else if (ts.isIfStatement(node) && !(ts.isIfStatement(node.parent) && node.parent.elseStatement === node)) ifChain(context, node);
  else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) memberLiteral(context, node);
  else if (ts.isObjectLiteralExpression(node)) enumKeyedObject(context, node);
}

/** `const labels: Record<RiskDetail, string> = { ... }`: a map with a key per member, which a new member leaves incomplete. */
function enumKeyedObject(context: ImpactContext, node: TS.ObjectLiteralExpression): void {
  const { ts, checker } = context;
  const type = checker.getContextualType(node);
  const keyType = type?.aliasSymbol?.getName() === 'Record' ? type.aliasTypeArguments?.[0] : undefined;
  const enumName = keyType && enumOfAlias(context, keyType);
  if (!enumName) return;
  const handled = new Set<string>();
  for (const property of node.properties) {
    const name = property.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name))) handled.add(name.text);
  }
  branchFindings(context, node, enumName, `builds a \`Record\` keyed by every member of ${enumName.slice(enumName.lastIndexOf('.') + 1)}`, handled, 'the object lacks its key and stops compiling once the code is regenerated');
}

function switchStatement(context: ImpactContext, node: TS.SwitchStatement): void {
  const { ts } = context;
  const enumName = enumOfExpression(context, node.expression);
  if (!enumName) return;
  const handled = new Set<string>();
  let fallback = 'no case handles it';
  for (const clause of node.caseBlock.clauses) {
    if (ts.isDefaultClause(clause)) {
      fallback = checksExhaustiveness(context, clause, node.expression)
        ? 'its default clause passes the value as `never`, which stops compiling once the code is regenerated'
        : 'it goes to the default clause';
    } else if (ts.isStringLiteralLike(clause.expression)) handled.add(clause.expression.text);
  }
  branchFindings(context, node, enumName, `switches over \`${excerpt(node.expression)}\``, handled, fallback);
}

/** `default: return assertNever(value)`: a call that takes the switched value as a `never` parameter. */
function checksExhaustiveness(context: ImpactContext, clause: TS.DefaultClause, subject: TS.Expression): boolean {
  const { ts, checker } = context;
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const index = node.arguments.findIndex((argument) => argument.getText() === subject.getText());
      const signature = index === -1 ? undefined : checker.getResolvedSignature(node);
      const parameter = signature?.getParameters()[index];
      if (parameter && checker.getTypeOfSymbolAtLocation(parameter, node).flags & ts.TypeFlags.Never) found = true;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of clause.statements) visit(statement);
  return found;
}

/** `if (x === 'a') ... else if (x === 'b') ...`: one chain over one value, told by its text. */
function ifChain(context: ImpactContext, head: TS.IfStatement): void {
  const { ts } = context;
  const handled = new Set<string>();
  let subject: TS.Expression | undefined;
  let finalElse = false;
  for (let current: TS.Statement | undefined = head; current; ) {
    if (!ts.isIfStatement(current)) {
      finalElse = true;
      break;
    }
    for (const [expression, literal] of comparisons(ts, current.expression)) {
      if (subject && expression.getText() !== subject.getText()) return;
      subject ??= expression;
      handled.add(literal);
    }
    current = current.elseStatement;
  }
  if (!subject || handled.size < 2) return;
  const enumName = enumOfExpression(context, subject);
  if (!enumName) return;
  const fallback = finalElse ? 'it goes to the final else' : 'no branch handles it';
  branchFindings(context, head, enumName, `tests \`${excerpt(subject)}\` in an if chain`, handled, fallback);
}

function branchFindings(context: ImpactContext, node: TS.Node, enumName: string, what: string, handled: Set<string>, fallback: string): void {
  for (const change of enumChanges(context, enumName)) {
    if (change.kind !== 'enum-member-added') continue;
    const member = change.target.slice(enumName.length + 1);
    if (handled.has(member)) continue;
    report(context, node, 'branch', change, `${capitalize(what)} (${enumName}), which gains the member \`${member}\`: ${fallback}.`);
  }
}

/** `x === 'a'`, `'a' === x`, joined by `||`. */
function comparisons(ts: typeof TS, condition: TS.Expression): [TS.Expression, string][] {
  const expression = skipParentheses(ts, condition);
  if (!ts.isBinaryExpression(expression)) return [];
  const operator = expression.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken) return [...comparisons(ts, expression.left), ...comparisons(ts, expression.right)];
  if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return [];
  if (ts.isStringLiteralLike(expression.right)) return [[expression.left, expression.right.text]];
  if (ts.isStringLiteralLike(expression.left)) return [[expression.right, expression.left.text]];
  return [];
}

/** A member written as a literal: in a case clause, a comparison, or where the enum is the contextual type. */
function memberLiteral(context: ImpactContext, node: TS.StringLiteralLike): void {
  const { ts, checker } = context;
  // Most literals name no changed member: skip them before asking the checker anything.
  if (!changedMemberNames(context).has(node.text)) return;
  const parent = node.parent;
  let enumName: string | undefined;
  if (ts.isCaseClause(parent) && parent.expression === node) enumName = enumOfExpression(context, parent.parent.parent.expression);
  else if (ts.isBinaryExpression(parent) && isEquality(ts, parent.operatorToken.kind)) {
    enumName = enumOfExpression(context, parent.left === node ? parent.right : parent.left);
  } else if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const symbol = checker.getSymbolAtLocation(parent.name);
    enumName = (symbol && enumOfDeclarations(context, symbol)) ?? enumOfContextual(context, node);
  } else if (!ts.isImportDeclaration(parent) && !ts.isExportDeclaration(parent) && !ts.isLiteralTypeNode(parent)) {
    enumName = enumOfContextual(context, node);
  }
  if (!enumName) return;
  for (const change of context.changes.at(`${enumName}/${node.text}`)) {
    if (change.kind !== 'enum-member-removed' && change.kind !== 'enum-member-value-changed') continue;
    report(context, node, 'member', change, `Uses the member \`${node.text}\` of ${enumName}, ${change.kind === 'enum-member-removed' ? 'which the new schema removes' : `whose numeric value changes (${change.values?.old} -> ${change.values?.new})`}.`);
  }
}

function enumOfContextual(context: ImpactContext, node: TS.Expression): string | undefined {
  const type = context.checker.getContextualType(node);
  return type ? enumOfType(context, type) : undefined;
}

function isEquality(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}

/** The old schema's enum a value has, if any. */
export function enumOfExpression(context: ImpactContext, expression: TS.Expression, depth = 0): string | undefined {
  const { ts, checker } = context;
  const inner = skipWrappers(ts, expression);
  const type = checker.getTypeAtLocation(inner);
  const byAlias = enumOfAlias(context, type);
  if (byAlias) return byAlias;
  const nameNode = ts.isPropertyAccessExpression(inner) ? inner.name : ts.isElementAccessExpression(inner) ? inner.argumentExpression : inner;
  const symbol = checker.getSymbolAtLocation(nameNode);
  if (symbol) {
    const declared = enumOfDeclarations(context, symbol);
    if (declared) return declared;
    if (depth < 4) {
      for (const declaration of symbol.declarations ?? []) {
        if (!ts.isVariableDeclaration(declaration)) continue;
        if (declaration.initializer) {
          const found = enumOfExpression(context, declaration.initializer, depth + 1);
          if (found) return found;
        }
        // `for (const value of values)`: the enum of the collection's items.
        const loop = declaration.parent.parent;
        if (ts.isForOfStatement(loop)) {
          const found = enumOfExpression(context, loop.expression, depth + 1);
          if (found) return found;
        }
      }
    }
  }
  return enumOfLiterals(context, type);
}

function enumOfType(context: ImpactContext, type: TS.Type): string | undefined {
  return enumOfAlias(context, type) ?? enumOfLiterals(context, type);
}

function enumOfAlias(context: ImpactContext, type: TS.Type): string | undefined {
  const shape = type.aliasSymbol && shapeOfSymbol(context, type.aliasSymbol);
  return shape?.kind === 'enum' ? shape.qualifiedName : undefined;
}

/** The enum named in the declared type of a property, variable or parameter (`RiskDetail | null`, `Color[]`). */
function enumOfDeclarations(context: ImpactContext, symbol: TS.Symbol): string | undefined {
  const { ts } = context;
  for (const declaration of symbol.declarations ?? []) {
    const typeNode = (declaration as { type?: TS.TypeNode }).type;
    if (!typeNode) continue;
    let found: string | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isTypeReferenceNode(node)) {
        const name = ts.isQualifiedName(node.typeName) ? node.typeName.right : node.typeName;
        const target = resolvedSymbol(context, name);
        const shape = target && shapeOfSymbol(context, target);
        if (shape?.kind === 'enum') found = shape.qualifiedName;
      }
      ts.forEachChild(node, visit);
    };
    visit(typeNode);
    if (found) return found;
  }
  return undefined;
}

/** A union of string literals equal to the members of exactly one enum of the old schema. */
function enumOfLiterals(context: ImpactContext, type: TS.Type): string | undefined {
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (context.ts.TypeFlags.Null | context.ts.TypeFlags.Undefined)));
  if (parts.length === 0 || !parts.every((part) => part.isStringLiteral())) return undefined;
  const key = parts.map((part) => (part as TS.StringLiteralType).value).sort().join('\u0000');
  return literalIndex(context).get(key) ?? undefined;
}

const literalIndexes = new WeakMap<object, Map<string, string | null>>();

function literalIndex(context: ImpactContext): Map<string, string | null> {
  let index = literalIndexes.get(context.oldModel);
  if (index) return index;
  index = new Map();
  for (const type of Object.values(context.oldModel.types)) {
    if (type.kind !== 'enum' || type.isFlags || type.members.length === 0) continue;
    const key = type.members.map((member) => member.name).sort().join('\u0000');
    index.set(key, index.has(key) ? null : type.qualifiedName);
  }
  literalIndexes.set(context.oldModel, index);
  return index;
}

const memberNameSets = new WeakMap<object, Set<string>>();

/** Names of members removed or renumbered, in any enum. */
function changedMemberNames(context: ImpactContext): Set<string> {
  let names = memberNameSets.get(context.changes);
  if (!names) {
    names = new Set(
      context.changes.relevant
        .filter((change) => change.kind === 'enum-member-removed' || change.kind === 'enum-member-value-changed')
        .map((change) => change.target.slice(change.target.lastIndexOf('/') + 1)),
    );
    memberNameSets.set(context.changes, names);
  }
  return names;
}

const enumChangeIndexes = new WeakMap<object, Map<string, Change[]>>();

function enumChanges(context: ImpactContext, enumName: string): Change[] {
  let index = enumChangeIndexes.get(context.changes);
  if (!index) {
    index = new Map();
    for (const change of context.changes.relevant) {
      if (!change.kind.startsWith('enum-member-')) continue;
      const owner = change.target.slice(0, change.target.lastIndexOf('/'));
      index.set(owner, [...(index.get(owner) ?? []), change]);
    }
    enumChangeIndexes.set(context.changes, index);
  }
  return index.get(enumName) ?? [];
}

function skipWrappers(ts: typeof TS, expression: TS.Expression): TS.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
    else if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || current.operatorToken.kind === ts.SyntaxKind.BarBarToken)) current = current.left;
    else return current;
  }
}

function skipParentheses(ts: typeof TS, expression: TS.Expression): TS.Expression {
  return ts.isParenthesizedExpression(expression) ? skipParentheses(ts, expression.expression) : expression;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
