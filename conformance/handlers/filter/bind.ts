import { findNavigationProperty, findProperty, isOpenType, lookupStructuredType, lookupType } from '../../../generator/model/queries.ts';
import type { Model, StructuredType } from '../../../generator/model/types.ts';
import type { FilterNode, MemberNode } from './ast.ts';
import { FilterError } from './filter-error.ts';
import { lookupFunction } from './functions.ts';
import { pathStart } from './path-start.ts';
import { enumValue } from './values.ts';

/**
 * Checks a `$filter` against the type it filters before any member is looked at, so that an
 * unknown property, function, type or enum member is a 400 even on an empty collection: paths
 * resolve through complex types, navigations and type casts, lambda variables are in scope
 * inside their lambda only.
 */
export function bindFilter(model: Model, type: StructuredType | undefined, tree: FilterNode): void {
  new Binder(model).check(tree, { it: type ? { structured: type } : { open: true }, variables: new Map() });
}

/** What a path reaches, as far as the model says. */
type Reach = { structured: StructuredType; collection?: boolean } | { primitive: string; collection?: boolean } | { open: true };

interface Scope {
  it: Reach;
  variables: ReadonlyMap<string, Reach>;
}

class Binder {
  constructor(private readonly model: Model) {}

  check(node: FilterNode, scope: Scope): void {
    switch (node.kind) {
      case 'literal':
        if (node.type.includes('.') && !node.type.startsWith('Edm.')) {
          if (lookupType(this.model, node.type)?.kind !== 'enum') throw new FilterError(`'${node.type}' is not an enum type of the model`, node.at);
          if (!enumValue(this.model, node.type, String(node.value))) throw new FilterError(`'${String(node.value)}' is not a member of ${node.type}`, node.at);
        }
        return;
      case 'member':
        this.reach(node, scope);
        return;
      case 'lambda': {
        const collection = this.reach(node.collection, scope);
        if ('collection' in collection && !collection.collection) throw new FilterError(`${node.operator}() needs a collection, and '${node.collection.segments.map((s) => s.name).join('/')}' is not one`, node.at);
        if (node.predicate && node.variable) {
          const element: Reach = 'open' in collection ? collection : { ...collection, collection: false };
          this.check(node.predicate, { it: scope.it, variables: new Map(scope.variables).set(node.variable, element) });
        }
        return;
      }
      case 'unary':
        this.check(node.operand, scope);
        return;
      case 'binary':
        this.check(node.left, scope);
        this.check(node.right, scope);
        return;
      case 'in':
        this.check(node.operand, scope);
        this.check(node.list, scope);
        return;
      case 'list':
        for (const item of node.items) this.check(item, scope);
        return;
      case 'call':
        this.call(node.name, node.args, node.at, scope);
        return;
    }
  }

  private call(name: string, args: FilterNode[], at: number, scope: Scope): void {
    if (name === 'cast' || name === 'isof') {
      const typeArg = args.at(-1);
      if (args.length < 1 || args.length > 2 || typeArg?.kind !== 'member' || typeArg.segments.length !== 1) {
        throw new FilterError(`${name} takes an optional expression and a type name`, at);
      }
      const typeName = typeArg.segments[0]!.name;
      if (!/^Edm\.\w+$/.test(typeName) && !lookupType(this.model, typeName)) throw new FilterError(`'${typeName}' is not a type of the model`, typeArg.at);
      if (args.length === 2) this.check(args[0]!, scope);
      return;
    }
    const fn = lookupFunction(name);
    if (!fn) throw new FilterError(`unknown function '${name}'`, at);
    if (args.length < fn.min || args.length > fn.max) {
      throw new FilterError(`${name} takes ${fn.min === fn.max ? fn.min : `${fn.min} to ${fn.max}`} arguments, not ${args.length}`, at);
    }
    for (const arg of args) this.check(arg, scope);
  }

  private reach(node: MemberNode, scope: Scope): Reach {
    if (node.base) {
      this.check(node.base, scope);
      const typeArg = node.base.args.at(-1);
      const target = node.base.name === 'cast' && typeArg?.kind === 'member' ? lookupStructuredType(this.model, typeArg.segments[0]!.name) : undefined;
      if (!target) throw new FilterError(`only cast() to a structured type can be followed by '/'`, node.at);
      return node.segments.reduce<Reach>((current, segment) => this.step(current, segment.name, segment.at), { structured: target });
    }
    const { variable, segments } = pathStart(node, scope.variables);
    const start = variable === undefined ? scope.it : scope.variables.get(variable)!;
    return segments.reduce((current, segment) => this.step(current, segment.name, segment.at), start);
  }

  private step(current: Reach, name: string, at: number): Reach {
    if ('open' in current) return current;
    if (current.collection) throw new FilterError(`'${name}' follows a collection; use any() or all() to reach its members`, at);
    if ('primitive' in current) throw new FilterError(`'${name}' follows a value of type ${current.primitive}, which has no properties`, at);
    const type = current.structured;
    if (name.includes('.')) {
      const target = lookupStructuredType(this.model, name);
      if (!target) throw new FilterError(`'${name}' is not a type of the model`, at);
      return { structured: target };
    }
    const property = findProperty(this.model, type, name);
    if (property) {
      const target = lookupStructuredType(this.model, property.type);
      return target ? { structured: target, collection: property.collection } : { primitive: property.type, collection: property.collection };
    }
    const navigation = findNavigationProperty(this.model, type, name);
    if (navigation) {
      const target = lookupStructuredType(this.model, navigation.type);
      return target ? { structured: target, collection: navigation.collection } : { open: true };
    }
    if (isOpenType(this.model, type)) return { open: true };
    throw new FilterError(`'${name}' is not a property of ${type.qualifiedName}`, at);
  }
}
