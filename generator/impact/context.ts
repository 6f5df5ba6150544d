import { relative, sep } from 'node:path';
import type { ts as TS } from 'ts-morph';
import { baseChain, lookupStructuredType } from '../model/queries.ts';
import type { Model } from '../model/types.ts';
import type { Change } from '../diff/change.ts';
import type { ChangeIndex } from './change-index.ts';
import type { ImpactFinding, UseKind } from './finding.ts';
import type { GeneratedCode, GeneratedShape } from './generated-code.ts';

/** What every kind of use shares: the compiler, the old generated code and the changes. */
export interface ImpactContext {
  ts: typeof TS;
  checker: TS.TypeChecker;
  generated: GeneratedCode;
  changes: ChangeIndex;
  /** The model the generated code came from. */
  oldModel: Model;
  cwd: string;
  findings: ImpactFinding[];
  /** A source file of the program by path (the generated client, for its structure). */
  programFile(path: string): TS.SourceFile | undefined;
}

/** Records one finding at a node, once per node and change. */
export function report(context: ImpactContext, node: TS.Node, use: UseKind, change: Change, why: string): void {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  context.findings.push({
    file: relative(context.cwd, sourceFile.fileName).split(sep).join('/'),
    line: line + 1,
    column: character + 1,
    use,
    change,
    why: why.charAt(0).toUpperCase() + why.slice(1),
  });
}

/** The symbol a name refers to, through import aliases. */
export function resolvedSymbol(context: ImpactContext, node: TS.Node): TS.Symbol | undefined {
  const symbol = context.checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  return symbol.flags & context.ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
}

export function declaredIn(declaration: TS.Node, file: string): boolean {
  return declaration.getSourceFile().fileName === file;
}

/** The generated shapes (type, mode) that declare a member symbol, one per declaring interface. */
export function declaringShapes(context: ImpactContext, symbol: TS.Symbol): GeneratedShape[] {
  const shapes: GeneratedShape[] = [];
  for (const declaration of symbol.declarations ?? []) {
    if (!declaredIn(declaration, context.generated.typesFile)) continue;
    const owner = declaration.parent;
    if (!owner || !context.ts.isInterfaceDeclaration(owner)) continue;
    const shape = context.generated.shapes.get(owner.name.text);
    if (shape && !shapes.some((known) => known.qualifiedName === shape.qualifiedName && known.mode === shape.mode)) shapes.push(shape);
  }
  return shapes;
}

/** The generated shapes a type is made of: an interface, an alias, or the members of a union or intersection. */
export function shapesOfType(context: ImpactContext, type: TS.Type): GeneratedShape[] {
  const shapes: GeneratedShape[] = [];
  const visit = (current: TS.Type, depth: number): void => {
    const alias = current.aliasSymbol && shapeOfSymbol(context, current.aliasSymbol);
    if (alias) shapes.push(alias);
    if (current.isUnionOrIntersection()) {
      if (depth < 3) for (const part of current.types) visit(part, depth + 1);
      return;
    }
    const own = current.getSymbol() && shapeOfSymbol(context, current.getSymbol()!);
    if (own) shapes.push(own);
  };
  visit(type, 0);
  return shapes.filter((shape, index) => shapes.findIndex((other) => other.qualifiedName === shape.qualifiedName && other.mode === shape.mode) === index);
}

export function shapeOfSymbol(context: ImpactContext, symbol: TS.Symbol): GeneratedShape | undefined {
  const declaration = symbol.declarations?.[0];
  if (!declaration || !declaredIn(declaration, context.generated.typesFile)) return undefined;
  return context.generated.shapes.get(symbol.getName());
}

/** The type and its base types in the old model, by qualified name. */
export function ancestry(model: Model, qualifiedName: string): string[] {
  const type = lookupStructuredType(model, qualifiedName);
  return type ? baseChain(model, type).map((item) => item.qualifiedName) : [qualifiedName];
}

/** Short source text for messages: `user.displayName`, cut at 60 characters. */
export function excerpt(node: TS.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
