import { derivesFrom, findNavigationProperty, findProperty, isOpenType, lookupStructuredType, lookupType } from '../../../generator/model/queries.ts';
import type { Model, NavigationProperty } from '../../../generator/model/types.ts';
import type { BinaryNode, CallNode, FilterNode, LambdaNode, LiteralNode, MemberNode } from './ast.ts';
import { FilterError } from './filter-error.ts';
import { lookupFunction } from './functions.ts';
import { edmGeoType } from './geo.ts';
import { pathStart } from './path-start.ts';
import { coerce, compare, describeValue, enumValue, equal, fromJson, untyped, type Primitive, type Value } from './values.ts';

type Structured = Extract<Value, { t: 'structured' }>;

/** How the evaluator reaches related entities: a collection, an entity or null. */
export type Navigate = (source: Structured, navigation: NavigationProperty) => Value;

export interface Evaluation {
  model: Model;
  navigate: Navigate;
}

interface Scope {
  it: Value;
  variables: ReadonlyMap<string, Value>;
}

/** Evaluates `tree` on `it` (the entity or complex value being filtered). */
export function evaluate(env: Evaluation, tree: FilterNode, it: Value): Value {
  return new Evaluator(env).run(tree, { it, variables: new Map() });
}

/** Whether `tree` holds for `it`: only `true` keeps a member (null and false drop it). */
export function matches(env: Evaluation, tree: FilterNode, it: Value): boolean {
  const result = evaluate(env, tree, it);
  if (result !== null && result.t !== 'boolean') throw new FilterError(`the expression is ${describeValue(result)}, not a boolean`, tree.at);
  return result !== null && result.v;
}

class Evaluator {
  constructor(private readonly env: Evaluation) {}

  run(node: FilterNode, scope: Scope): Value {
    switch (node.kind) {
      case 'literal':
        return this.literal(node);
      case 'member':
        return this.member(node, scope);
      case 'lambda':
        return this.lambda(node, scope);
      case 'unary': {
        const operand = this.run(node.operand, scope);
        if (operand === null) return null;
        if (node.operator === 'not') {
          if (operand.t !== 'boolean') throw new FilterError(`not takes a boolean, not ${describeValue(operand)}`, node.at);
          return { t: 'boolean', v: !operand.v };
        }
        if (operand.t === 'number') return { ...operand, v: -operand.v };
        if (operand.t === 'duration') return { t: 'duration', v: -operand.v };
        throw new FilterError(`'-' takes a number or a duration, not ${describeValue(operand)}`, node.at);
      }
      case 'binary':
        return this.binary(node, scope);
      case 'in': {
        const operand = this.run(node.operand, scope);
        const list = node.list.kind === 'list' ? node.list.items.map((item) => this.run(item, scope)) : this.collection(this.run(node.list, scope), node.list.at);
        return { t: 'boolean', v: list.some((item) => equal(coerce(this.env.model, operand, item), coerce(this.env.model, item, operand))) };
      }
      case 'list':
        return { t: 'collection', items: node.items.map((item) => this.run(item, scope)) };
      case 'call':
        return this.call(node, scope);
    }
  }

  private literal(node: LiteralNode): Value {
    if (node.type === 'null') return null;
    if (node.type.startsWith('Edm.')) return fromJson(this.env.model, node.type, node.value);
    const member = enumValue(this.env.model, node.type, String(node.value));
    if (!member) throw new FilterError(`'${String(node.value)}' is not a member of the enum type ${node.type}`, node.at);
    return member;
  }

  private member(node: MemberNode, scope: Scope): Value {
    if (node.base) return node.segments.reduce((current, segment) => this.step(current, segment.name, segment.at), this.call(node.base, scope));
    const { variable, segments } = pathStart(node, scope.variables);
    const start = variable === undefined ? scope.it : scope.variables.get(variable)!;
    return segments.reduce((current, segment) => this.step(current, segment.name, segment.at), start);
  }

  /** One path segment from `current`: a property, a navigation, or a type cast (`Ns.Derived`). */
  private step(current: Value, name: string, at: number): Value {
    if (current === null) return null;
    if (current.t === 'collection') throw new FilterError(`'${name}' follows a collection; use any() or all() to reach its members`, at);
    if (current.t !== 'structured') throw new FilterError(`'${name}' follows ${describeValue(current)}, which has no properties`, at);
    const { model } = this.env;
    const type = current.type;
    if (name.includes('.')) {
      const target = lookupStructuredType(model, name);
      if (!target) throw new FilterError(`'${name}' is not a type of the model`, at);
      return type && derivesFrom(model, type, target.qualifiedName) ? current : null;
    }
    if (!type) return untyped(current.data[name]);
    const property = findProperty(model, type, name);
    if (property) {
      const json = current.data[name];
      const path = current.path === undefined ? undefined : `${current.path}/${name}`;
      if (property.collection) return Array.isArray(json) ? { t: 'collection', items: json.map((item) => fromJson(model, property.type, item)) } : null;
      return fromJson(model, property.type, json, path);
    }
    const navigation = findNavigationProperty(model, type, name);
    if (navigation) return this.env.navigate(current, navigation);
    if (isOpenType(model, type)) return untyped(current.data[name]);
    throw new FilterError(`'${name}' is not a property of ${type.qualifiedName}`, at);
  }

  private lambda(node: LambdaNode, scope: Scope): Value {
    const items = this.collection(this.member(node.collection, scope), node.collection.at);
    if (!node.predicate || !node.variable) return { t: 'boolean', v: items.length > 0 };
    const test = (item: Value) => {
      const variables = new Map(scope.variables).set(node.variable!, item);
      const result = this.run(node.predicate!, { it: scope.it, variables });
      return result !== null && result.t === 'boolean' && result.v;
    };
    return { t: 'boolean', v: node.operator === 'any' ? items.some(test) : items.every(test) };
  }

  private collection(value: Value, at: number): Value[] {
    if (value === null) return [];
    if (value.t !== 'collection') throw new FilterError(`expected a collection, not ${describeValue(value)}`, at);
    return value.items;
  }

  private binary(node: BinaryNode, scope: Scope): Value {
    if (node.operator === 'and' || node.operator === 'or') return this.logical(node, scope);
    const model = this.env.model;
    const rawLeft = this.run(node.left, scope);
    const rawRight = this.run(node.right, scope);
    const left = coerce(model, rawLeft, rawRight);
    const right = coerce(model, rawRight, rawLeft);
    switch (node.operator) {
      case 'eq':
      case 'ne': {
        this.comparable(left, right, node);
        const same = equal(left, right);
        return { t: 'boolean', v: node.operator === 'eq' ? same : !same };
      }
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le': {
        // With null: false, but null ge null and null le null are true (URL Conventions 4.01 §5.1.1.1.3 to §5.1.1.1.6).
        if (left === null || right === null) return { t: 'boolean', v: left === right && (node.operator === 'ge' || node.operator === 'le') };
        this.comparable(left, right, node);
        const order = compare(left as Primitive, right as Primitive);
        if (order === undefined) return { t: 'boolean', v: false };
        const v = node.operator === 'gt' ? order > 0 : node.operator === 'ge' ? order >= 0 : node.operator === 'lt' ? order < 0 : order <= 0;
        return { t: 'boolean', v };
      }
      case 'has': {
        if (left === null || right === null) return null;
        if (left.t !== 'enum' || right.t !== 'enum') throw new FilterError(`has compares enum values, not ${describeValue(left)} and ${describeValue(right)}`, node.at);
        return { t: 'boolean', v: (left.v & right.v) === right.v };
      }
      default:
        return arithmetic(node, left, right);
    }
  }

  /** `and` and `or` with null as unknown (URL Conventions 4.01 §5.1.1.2.1 and §5.1.1.2.2). */
  private logical(node: BinaryNode, scope: Scope): Value {
    const left = this.truth(this.run(node.left, scope), node.left.at);
    const right = this.truth(this.run(node.right, scope), node.right.at);
    if (node.operator === 'and') {
      if (left === false || right === false) return { t: 'boolean', v: false };
      return left === null || right === null ? null : { t: 'boolean', v: true };
    }
    if (left === true || right === true) return { t: 'boolean', v: true };
    return left === null || right === null ? null : { t: 'boolean', v: false };
  }

  private truth(value: Value, at: number): boolean | null {
    if (value === null) return null;
    if (value.t !== 'boolean') throw new FilterError(`expected a boolean expression, not ${describeValue(value)}`, at);
    return value.v;
  }

  private comparable(left: Value, right: Value, node: BinaryNode): void {
    if (left === null || right === null) return;
    if (left.t === 'structured' || left.t === 'collection' || right.t === 'structured' || right.t === 'collection') {
      throw new FilterError(`${node.operator} compares primitive values or null, not ${describeValue(left)} and ${describeValue(right)}`, node.at);
    }
    if (left.t === 'geo' || right.t === 'geo') {
      throw new FilterError(`${node.operator} does not compare geo values; use geo.distance or geo.intersects (URL Conventions 4.01 §5.1.1.11)`, node.at);
    }
    if (left.t !== right.t) throw new FilterError(`${node.operator} cannot compare ${describeValue(left)} with ${describeValue(right)}`, node.at);
  }

  private call(node: CallNode, scope: Scope): Value {
    if (node.name === 'cast' || node.name === 'isof') return this.typeFunction(node, scope);
    const fn = lookupFunction(node.name);
    if (!fn) throw new FilterError(`unknown function '${node.name}'`, node.at);
    if (node.args.length < fn.min || node.args.length > fn.max) {
      throw new FilterError(`${node.name} takes ${fn.min === fn.max ? fn.min : `${fn.min} to ${fn.max}`} arguments, not ${node.args.length}`, node.at);
    }
    const args = node.args.map((arg) => this.run(arg, scope));
    if (args.some((arg) => arg === null)) return null;
    return fn.apply(args as NonNullable<Value>[], node.at);
  }

  /** `cast(x, T)`, `cast(T)`, `isof(x, T)`, `isof(T)` (URL Conventions 4.01 §5.1.1.10). */
  private typeFunction(node: CallNode, scope: Scope): Value {
    const typeArg = node.args.at(-1);
    if (node.args.length < 1 || node.args.length > 2 || typeArg?.kind !== 'member' || typeArg.segments.length !== 1) {
      throw new FilterError(`${node.name} takes an optional expression and a type name`, node.at);
    }
    const typeName = typeArg.segments[0]!.name;
    const value = node.args.length === 2 ? this.run(node.args[0]!, scope) : scope.it;
    const cast = castTo(this.env.model, value, typeName, typeArg.at);
    if (node.name === 'isof') return { t: 'boolean', v: value !== null && cast !== null && (cast.t !== 'structured' || value.t === 'structured') && sameKind(value, cast) };
    return cast;
  }
}

function sameKind(value: NonNullable<Value>, cast: NonNullable<Value>): boolean {
  if (value.t === 'number' && cast.t === 'number') return !cast.integer || Number.isInteger(value.v);
  return value.t === cast.t;
}

const PRIMITIVE_CASTS: Record<string, (value: Primitive) => Value> = {
  'Edm.String': (value) => ({ t: 'string', v: value.t === 'dateTimeOffset' ? new Date(value.v).toISOString() : String(value.v) }),
  'Edm.Boolean': (value) => (value.t === 'boolean' ? value : value.t === 'string' && /^(true|false)$/.test(value.v) ? { t: 'boolean', v: value.v === 'true' } : null),
};

function castTo(model: Model, value: Value, typeName: string, at: number): Value {
  if (value === null) return null;
  const structured = lookupStructuredType(model, typeName);
  if (structured) return value.t === 'structured' && value.type && derivesFrom(model, value.type, typeName) ? value : null;
  if (value.t === 'structured' || value.t === 'collection') return null;
  // A geo value is of its own type and of the abstract one above it (Edm.GeographyPoint, Edm.Geography).
  if (value.t === 'geo') return edmGeoType(value.v).startsWith(typeName) ? value : null;
  if (PRIMITIVE_CASTS[typeName]) return PRIMITIVE_CASTS[typeName](value);
  if (/^Edm\.(Byte|SByte|Int16|Int32|Int64|Decimal|Double|Single)$/.test(typeName)) {
    const v = Number(value.v);
    if (typeof value.v === 'boolean' || Number.isNaN(v)) return null;
    const integer = /Int|Byte/.test(typeName);
    if (integer && !Number.isInteger(v)) return null;
    return { t: 'number', v, integer };
  }
  if (typeName.startsWith('Edm.')) {
    const read = fromJson(model, typeName, String(value.v));
    return read !== null && 'v' in read && Number.isNaN(read.v) ? null : read;
  }
  const member = enumValue(model, typeName, String(value.v));
  if (member) return member;
  if (!lookupType(model, typeName)) throw new FilterError(`'${typeName}' is not a type of the model`, at);
  return null;
}

function arithmetic(node: BinaryNode, left: Value, right: Value): Value {
  if (left === null || right === null) return null;
  const { operator, at } = node;
  if (left.t === 'number' && right.t === 'number') {
    const integer = left.integer && right.integer;
    switch (operator) {
      case 'add':
        return { t: 'number', v: left.v + right.v, integer };
      case 'sub':
        return { t: 'number', v: left.v - right.v, integer };
      case 'mul':
        return { t: 'number', v: left.v * right.v, integer };
      case 'div':
        if (integer && right.v === 0) throw new FilterError('integer division by zero', at);
        return { t: 'number', v: integer ? Math.trunc(left.v / right.v) : left.v / right.v, integer };
      case 'divby':
        return { t: 'number', v: left.v / right.v, integer: false };
      case 'mod':
        if (integer && right.v === 0) throw new FilterError('integer modulo by zero', at);
        return { t: 'number', v: left.v % right.v, integer };
    }
  }
  const temporal = temporalArithmetic(operator, left, right);
  if (temporal) return temporal;
  throw new FilterError(`${operator} cannot combine ${describeValue(left)} and ${describeValue(right)}`, at);
}

/** Date and time arithmetic (URL Conventions 4.01 §5.1.1.4.1 and §5.1.1.4.2). */
function temporalArithmetic(operator: string, left: NonNullable<Value>, right: NonNullable<Value>): Value | undefined {
  const sign = operator === 'add' ? 1 : operator === 'sub' ? -1 : 0;
  if (!sign) return undefined;
  if (right.t === 'duration') {
    if (left.t === 'dateTimeOffset') return { t: 'dateTimeOffset', v: left.v + sign * right.v, offset: left.offset };
    if (left.t === 'date') return { t: 'date', v: left.v + sign * right.v };
    if (left.t === 'duration') return { t: 'duration', v: left.v + sign * right.v };
  }
  if (sign === -1 && (left.t === 'dateTimeOffset' || left.t === 'date') && left.t === right.t) return { t: 'duration', v: left.v - right.v };
  return undefined;
}
