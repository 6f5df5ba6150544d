import type { NavigationProperty, StructuralProperty, StructuredType } from '../../model/types.ts';
import { baseChain, derivedTypes, keyProperties, lookupStructuredType } from '../../model/queries.ts';
import { propertyKey, stringLiteral, typeNames } from '../naming.ts';
import { describe, docComment } from './doc-comment.ts';
import { hasFormat } from './edm.ts';
import { isCreatable, isReadOnly, isRequiredOnCreate, isUpdatable } from './input-rules.ts';
import { typeExpression, type ExpressionContext, type ShapeMode } from './type-expression.ts';
import type { InterfaceView, MemberView, UnionView } from './views.ts';

/**
 * Entity and complex types (OData CSDL XML 4.01, sections 6 and 9), three shapes each:
 * as read, as created (POST/PUT body) and as updated (PATCH body).
 *
 * A type without derived types is one interface extending its base type's exact shape.
 * A type with derived types is polymorphic wherever it is used: its name is the union of its
 * own exact shape (`<Name>Properties`, left out when abstract) and of every concrete derived
 * type, each with its `@odata.type` required, since a payload "MUST" name a type that is
 * not the expected one (OData JSON Format 4.01, section 4.5.3).
 */
export type StructuredDeclaration =
  | { kind: 'interface'; view: InterfaceView }
  | { kind: 'union'; view: UnionView };

const MODES: readonly ShapeMode[] = ['read', 'create', 'update'];

/** Instance and property annotations (`@odata.etag`, `manager@odata.bind`) are always allowed. */
const ANNOTATION_SIGNATURES = ['[annotation: `@${string}`]: unknown', '[annotation: `${string}@${string}`]: unknown'];
const ODATA_TYPE_KEY = stringLiteral('@odata.type');
const OPEN_SIGNATURE = '[property: string]: unknown';

export function structuredTypeDeclarations(context: ExpressionContext, type: StructuredType): StructuredDeclaration[] {
  return MODES.flatMap((mode) => shapeDeclarations(context, type, mode));
}

function shapeDeclarations(context: ExpressionContext, type: StructuredType, mode: ShapeMode): StructuredDeclaration[] {
  const { model } = context;
  const base = resolvedBase(context, type);
  const polymorphic = derivedTypes(model, type.qualifiedName).length > 0;
  const ownLiteral = stringLiteral(`#${type.qualifiedName}`);
  const signatures = [...(base ? [] : ANNOTATION_SIGNATURES), ...(type.openType ? [OPEN_SIGNATURE] : [])];
  const members = [
    ...(!polymorphic ? [odataTypeMember(ownLiteral)] : base ? [] : [odataTypeMember('string')]),
    ...declaredMembers(context, type, mode),
  ];
  const exact: InterfaceView = {
    doc: docComment(typeDoc(context, type, mode, polymorphic)),
    name: polymorphic ? exactName(context, type.qualifiedName, mode) : shapeName(context, type.qualifiedName, mode),
    heritage: base ? ` extends ${exactName(context, base.qualifiedName, mode)}` : '',
    signatures,
    members,
  };
  if (!polymorphic) return [{ kind: 'interface', view: exact }];
  return [
    { kind: 'interface', view: exact },
    { kind: 'union', view: unionView(context, type, mode) },
  ];
}

function unionView(context: ExpressionContext, type: StructuredType, mode: ShapeMode): UnionView {
  const concrete = derivedTypes(context.model, type.qualifiedName).filter((derived) => !derived.abstract);
  const own = `${exactName(context, type.qualifiedName, mode)} & { ${ODATA_TYPE_KEY}?: ${stringLiteral(`#${type.qualifiedName}`)} }`;
  const texts = [
    ...(!type.abstract || concrete.length === 0 ? [own] : []),
    ...concrete.map((derived) => {
      const shape = derivedTypes(context.model, derived.qualifiedName).length > 0
        ? exactName(context, derived.qualifiedName, mode)
        : shapeName(context, derived.qualifiedName, mode);
      return `${shape} & { ${ODATA_TYPE_KEY}: ${stringLiteral(`#${derived.qualifiedName}`)} }`;
    }),
  ];
  const label = mode === 'read' ? '' : mode === 'create' ? ' as created' : ' as updated';
  return {
    doc: docComment([
      `${type.qualifiedName}${label}, or any type derived from it, told apart by \`@odata.type\`.`,
      ...describe(type),
    ]),
    name: shapeName(context, type.qualifiedName, mode),
    members: texts.map((text, index) => ({ text, end: index === texts.length - 1 ? ';' : '' })),
  };
}

/**
 * The base type to extend, unless the base chain is cyclic (reported while building the
 * model): an interface that extends itself would not compile.
 */
function resolvedBase(context: ExpressionContext, type: StructuredType): StructuredType | undefined {
  const chain = baseChain(context.model, type);
  const last = chain[chain.length - 1]!;
  const cyclic = last.baseType !== undefined && lookupStructuredType(context.model, last.baseType) !== undefined;
  return cyclic ? undefined : chain[1];
}

/** The name used for a type in a mode: the type's own name, `<Name>Create` or `<Name>Update`. */
function shapeName(context: ExpressionContext, qualifiedName: string, mode: ShapeMode): string {
  if (mode === 'create') return context.names.create[qualifiedName]!;
  if (mode === 'update') return context.names.update[qualifiedName]!;
  return typeNames(context.model)[qualifiedName]!;
}

/** The exact (non-union) shape of a type that has derived types. */
function exactName(context: ExpressionContext, qualifiedName: string, mode: ShapeMode): string {
  const table = mode === 'create' ? context.names.createProperties : mode === 'update' ? context.names.updateProperties : context.names.properties;
  return table[qualifiedName]!;
}

function odataTypeMember(type: string): MemberView {
  return { doc: '', key: ODATA_TYPE_KEY, optional: '?', type };
}

const MODE_NOTE: Record<ShapeMode, string> = { read: '', create: ', as sent to create it', update: ', as sent to update it' };

function typeDoc(context: ExpressionContext, type: StructuredType, mode: ShapeMode, polymorphic: boolean): string[] {
  const kind = type.kind === 'entity' ? 'Entity type' : 'Complex type';
  const key = type.kind === 'entity' ? keyProperties(context.model, type) : [];
  const notes = [
    `${kind} \`${type.qualifiedName}\`${polymorphic ? ' itself, without its derived types' : ''}${MODE_NOTE[mode]}.`,
    key.length > 0 && mode !== 'update' ? `Key: ${key.join(', ')}.` : '',
    type.abstract ? 'Abstract: instances are of a derived type.' : '',
    type.openType ? 'Open type: instances may hold properties not declared here.' : '',
  ].filter((note) => note !== '');
  return [...describe(type), notes.join(' ')].filter((text): text is string => text !== undefined);
}

/** Declared properties and navigation properties the mode takes, skipping names a base declares. */
function declaredMembers(context: ExpressionContext, type: StructuredType, mode: ShapeMode): MemberView[] {
  const { model } = context;
  const taken = new Set(['@odata.type']);
  for (const ancestor of baseChain(model, type).slice(1)) {
    for (const property of [...ancestor.properties, ...ancestor.navigationProperties]) taken.add(property.name);
  }
  const keys = keyProperties(model, type);
  const members: MemberView[] = [];
  const add = (name: string, member: () => MemberView): void => {
    if (taken.has(name)) return;
    taken.add(name);
    members.push(member());
  };
  for (const property of type.properties) {
    if (mode === 'create' && !isCreatable(property)) continue;
    if (mode === 'update' && !isUpdatable(property, keys)) continue;
    add(property.name, () => propertyMember(context, property, mode));
  }
  if (mode !== 'update') {
    for (const navigation of type.navigationProperties) add(navigation.name, () => navigationMember(context, navigation, mode));
  }
  return members;
}

function propertyMember(context: ExpressionContext, property: StructuralProperty, mode: ShapeMode): MemberView {
  const notes = [
    hasFormat(property.type) ? `\`${property.type}\`.` : '',
    property.computed ? 'Computed by the service.' : '',
    property.immutable && mode !== 'update' ? 'Immutable: set on create only.' : '',
    isReadOnly(property) && mode === 'read' ? 'Read-only.' : '',
  ].filter((note) => note !== '');
  return {
    doc: docComment([...describe(property), notes.join(' ')], '  '),
    key: propertyKey(property.name),
    optional: mode === 'create' && isRequiredOnCreate(property) ? '' : '?',
    type: typeExpression(context, property, mode),
  };
}

/**
 * Navigation properties appear when expanded (read) or for a deep insert (create, OData
 * Protocol 4.01, 11.4.2.2); a PATCH does not take them (links change through `@odata.bind`).
 */
function navigationMember(context: ExpressionContext, navigation: NavigationProperty, mode: ShapeMode): MemberView {
  const reference = {
    type: navigation.type,
    collection: navigation.collection,
    nullable: navigation.nullable && !navigation.collection,
    ...(navigation.derivedTypeConstraint ? { derivedTypeConstraint: navigation.derivedTypeConstraint } : {}),
  };
  return {
    doc: docComment([...describe(navigation), navigation.containsTarget ? 'Contained navigation.' : 'Navigation.'], '  '),
    key: propertyKey(navigation.name),
    optional: '?',
    type: typeExpression(context, reference, mode),
  };
}
