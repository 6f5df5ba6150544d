import type { Callable, Model, Operation, Parameter } from '../../model/types.ts';
import { findNavigationProperty, findProperty, lookupStructuredType } from '../../model/queries.ts';
import { propertyKey, safeIdentifier, stringLiteral } from '../naming.ts';
import { docComment } from '../ts-types/doc-comment.ts';
import { callerParameters, type CallableMember } from './callables.ts';
import type { StepSegment } from './tree.ts';
import { parameterType, resultType, RUNTIME_NAMESPACE as R, valueType, type TypeTextContext } from './type-text.ts';
import { memo } from '../../model/memo.ts';

/**
 * The TypeScript text of a position's parts: the verb mixins it extends (one per HTTP
 * operation), a step to a child position, and a callable's signatures.
 */

/** Names the runtime claims for itself (`client.ts`); a schema name equal to one gets a leading `$`. */
const CLAIMED = new Set(['get', 'post', 'put', 'patch', 'delete', 'byId', 'then', 'toString', 'valueOf', 'toJSON']);

/** The member key for a schema name, escaped as the runtime expects (one leading `$` is removed). */
export function memberKey(name: string): string {
  return propertyKey(escapedName(name));
}

/** A schema name as the client spells it: `$get` for `get`, `displayName` as it is. */
export function escapedName(name: string): string {
  return CLAIMED.has(name) || name.startsWith('$') ? `$${name}` : name;
}

/** One verb mixin of the runtime (`verbs.ts`) with its type arguments. */
interface Mixin {
  name: 'Read' | 'List' | 'Create' | 'Replace' | 'Update' | 'Remove';
  args: string[];
}

/**
 * `R.Read<T.User>`, `R.Create<T.UserCreate, T.User>`... for the HTTP operations on a
 * position; the two usual sets are one mixin each (`R.Entity`, `R.Entities`), which keeps
 * the heritage lists of a large schema short.
 */
export function verbMixins(context: TypeTextContext, operations: Operation[]): string[] {
  const mixins = operations.map((operation) => mixinOf(context, operation));
  const [first, second] = mixins;
  const shape = mixins.map((mixin) => mixin.name).join(',');
  if (shape === 'Read,Update,Remove') return [`${R}.Entity<${first!.args[0]}, ${second!.args[0]}>`];
  if (shape === 'List,Create' && second!.args[1] === first!.args[0]) return [`${R}.Entities<${first!.args[0]}, ${second!.args[0]}>`];
  return mixins.map((mixin) => `${R}.${mixin.name}${mixin.args.length > 0 ? `<${mixin.args.join(', ')}>` : ''}`);
}

function mixinOf(context: TypeTextContext, operation: Operation): Mixin {
  const body = operation.requestBody ? valueType(context, operation.requestBody.type, bodyMode(operation.requestBody.mode)) : 'never';
  const response = operation.response ? valueType(context, operation.response.type, 'read') : 'void';
  switch (operation.method) {
    case 'GET':
      return { name: operation.response?.collection ? 'List' : 'Read', args: [response] };
    case 'POST':
      return { name: 'Create', args: [body, response] };
    case 'PUT':
      return { name: 'Replace', args: [body] };
    case 'PATCH':
      return { name: 'Update', args: [body] };
    case 'DELETE':
      return { name: 'Remove', args: [] };
    default:
      throw new Error(`internal: unexpected method ${String(operation.method satisfies never)}`);
  }
}

function bodyMode(mode: 'create' | 'update' | 'parameters'): 'create' | 'update' {
  return mode === 'update' ? 'update' : 'create';
}

/** A step to a child position, with `child` standing for the child's interface name. */
export function stepMember(context: TypeTextContext, parentType: string | undefined, segment: StepSegment, child: string): { doc: string; text: string } {
  switch (segment.kind) {
    case 'entitySet':
    case 'singleton':
    case 'navigation':
      return { doc: navigationDoc(context, parentType, segment.name), text: `${memberKey(segment.name)}: ${child}` };
    case 'key':
      return { doc: '', text: `byId(${keyParameters(context, segment)}): ${child}` };
    case 'cast':
      return { doc: '', text: `$cast(type: ${stringLiteral(segment.type)}): ${child}` };
    default:
      throw new Error(`internal: unexpected segment ${JSON.stringify(segment satisfies never)}`);
  }
}

/** Per emit (context), parent type (`''`: the root) and name: a type's navigations are steps at each of its positions. */
const navigationDocs = new WeakMap<TypeTextContext, Map<string, Map<string, string>>>();

function navigationDoc(context: TypeTextContext, parentType: string | undefined, name: string): string {
  const byName = memo(memo(navigationDocs, context, () => new Map()), parentType ?? '', () => new Map<string, string>());
  return memo(byName, name, () => docComment([navigationDescription(context, parentType, name)], '  '));
}

/** The navigation property's description, or at the root the entity set's or singleton's. */
function navigationDescription(context: TypeTextContext, parentType: string | undefined, name: string): string | undefined {
  if (parentType === undefined) return rootDescriptions(context.model).get(name);
  const type = lookupStructuredType(context.model, parentType);
  return type ? findNavigationProperty(context.model, type, name)?.description : undefined;
}

const rootDescriptionIndex = new WeakMap<Model, Map<string, string | undefined>>();

/** Entity sets' and singletons' descriptions by name, the first of a name winning (sets before singletons); once per model. */
function rootDescriptions(model: Model): Map<string, string | undefined> {
  return memo(rootDescriptionIndex, model, () => {
    const index = new Map<string, string | undefined>();
    for (const item of [...(model.entityContainer?.entitySets ?? []), ...(model.entityContainer?.singletons ?? [])]) {
      if (!index.has(item.name)) index.set(item.name, item.description);
    }
    return index;
  });
}

/** `id: string` for a single key, `key: { a: string; b: number }` for a composite one. */
function keyParameters(context: TypeTextContext, segment: Extract<StepSegment, { kind: 'key' }>): string {
  const keyType = (name: string): string => keyPropertyType(context, segment.type, name);
  if (segment.keyProperties.length === 1) return `${safeIdentifier(segment.placeholders[0]!)}: ${keyType(segment.keyProperties[0]!)}`;
  return `key: { ${segment.keyProperties.map((name) => `${propertyKey(name)}: ${keyType(name)}`).join('; ')} }`;
}

/** Per emit (context), entity type and key property: a type's key is a step at each of its collections. */
const keyTypes = new WeakMap<TypeTextContext, Map<string, Map<string, string>>>();

/** A key property's type as read; `string` when the type or the property is unknown (reported while building the model). */
function keyPropertyType(context: TypeTextContext, typeName: string, name: string): string {
  const byName = memo(memo(keyTypes, context, () => new Map()), typeName, () => new Map<string, string>());
  return memo(byName, name, () => {
    const type = lookupStructuredType(context.model, typeName);
    const property = type ? findProperty(context.model, type, name) : undefined;
    return property ? valueType(context, property.type, 'read') : 'string';
  });
}

/**
 * One signature per overload. When any overload takes parameters, every signature takes the
 * parameters object first (the runtime reads the first argument as parameters for the whole
 * member); an overload without parameters then accepts only an empty object.
 */
export function callableSignatures(context: TypeTextContext, member: CallableMember): { doc: string; text: string }[] {
  const takesInput = member.overloads.some((overload) => callerParameters(overload.callable).length > 0);
  const options = member.kind === 'function' ? `${R}.CallOptions` : `${R}.RequestOptions`;
  return member.overloads.map(({ callable, operation }) => {
    const parts = callableParts(context, member.kind, callable);
    return {
      doc: parts.doc,
      text: `${memberKey(member.name)}(${takesInput ? parts.input : ''}options?: ${options}): Promise<${resultType(context, operation.response)}>`,
    };
  });
}

/** What a callable's signature says wherever it is invoked from: its doc comment and its input argument. */
interface CallableParts {
  doc: string;
  /** The parameters object (`body: { ... }, `), when the member takes input. */
  input: string;
}

/** Per emit (context) and kind: a bound callable is a member of every position of its binding type. */
const callablePartsIndex = new WeakMap<TypeTextContext, Record<CallableMember['kind'], Map<Callable, CallableParts>>>();

function callableParts(context: TypeTextContext, kind: CallableMember['kind'], callable: Callable): CallableParts {
  const index = memo(callablePartsIndex, context, () => ({ action: new Map(), function: new Map() }));
  return memo(index[kind], callable, () => {
    const argument = kind === 'function' ? 'parameters' : 'body';
    const parameters = callerParameters(callable);
    const input =
      parameters.length === 0
        ? `${argument}?: Record<string, never>, `
        : `${argument}${parameters.every((parameter) => omittable(kind, parameter)) ? '?' : ''}: ${parameterObject(context, kind, parameters)}, `;
    return { doc: docComment([callable.description, callable.longDescription], '  '), input };
  });
}

function parameterObject(context: TypeTextContext, kind: CallableMember['kind'], parameters: Parameter[]): string {
  const members = parameters.map((parameter) => `${propertyKey(parameter.name)}${omittable(kind, parameter) ? '?' : ''}: ${parameterType(context, parameter)}`);
  return `{ ${members.join('; ')} }`;
}

/**
 * A parameter the caller may leave out: Core.OptionalParameter, and for actions any nullable
 * parameter (OData JSON Format 4.0 section 17: parameters not in the body are null; 4.01
 * Protocol 11.5.4.2: nullable parameters may be omitted). A function's nullable parameter
 * still takes its place in the URL (as `null`).
 */
function omittable(kind: CallableMember['kind'], parameter: Parameter): boolean {
  return parameter.optional || (kind === 'action' && parameter.nullable);
}

/**
 * `$ref: R.ListReferences<T.Person> & R.AddReference`, or `R.ReadReference & R.SetReference &
 * R.RemoveReference`...: the link operations of a navigation, and reading the links (OData
 * Protocol 4.01 section 11.2.8), which any linkable navigation allows: a collection (where
 * POST adds links) lists them, a single-valued navigation or a member gives its one.
 */
export function referenceMember(context: TypeTextContext, operations: Operation[], memberType: string | undefined): { doc: string; text: string } {
  const mixins = operations.map((operation) => (operation.method === 'POST' ? 'AddReference' : operation.method === 'PUT' ? 'SetReference' : 'RemoveReference'));
  const listed = mixins.includes('AddReference');
  const read = listed ? `ListReferences<${memberType === undefined ? 'unknown' : valueType(context, memberType, 'read')}>` : 'ReadReference';
  return { doc: '', text: `$ref: ${[read, ...new Set(mixins)].map((name) => `${R}.${name}`).join(' & ')}` };
}
