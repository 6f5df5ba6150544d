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
  const facts = typeFacts(context, type);
  return MODES.flatMap((mode) => shapeDeclarations(context, type, facts, mode));
}

/**
 * What the three shapes of a type share, looked up once per type rather than once per mode
 * (and per derived type): its base, whether it has derived types, its key, the names its base
 * types declare, and the doc comment, key and type text of each declared member, which are
 * the same in every mode that takes the member (a mode only adds notes to properties it
 * leaves out: read-only ones are not created, immutable ones not updated).
 */
interface TypeFacts {
  base: StructuredType | undefined;
  polymorphic: boolean;
  keys: string[];
  /** `@odata.type` and every name a base type declares. */
  inherited: ReadonlySet<string>;
  /** The `@odata.type` literal of the type (`"#microsoft.graph.user"`). */
  literal: string;
  /** Concrete derived types, for the union: whether each has derived types itself, and its literal. */
  concrete: { qualifiedName: string; polymorphic: boolean; literal: string }[];
  parts: Map<StructuralProperty | NavigationProperty, MemberParts>;
}

interface MemberParts {
  doc: string;
  key: string;
  /** The type text as read, when it is the same in every mode (no structured type in it). */
  type: string | undefined;
}

function typeFacts(context: ExpressionContext, type: StructuredType): TypeFacts {
  const { model } = context;
  const chain = baseChain(model, type);
  const inherited = new Set(['@odata.type']);
  for (let index = 1; index < chain.length; index++) {
    for (const property of chain[index]!.properties) inherited.add(property.name);
    for (const navigation of chain[index]!.navigationProperties) inherited.add(navigation.name);
  }
  const derived = derivedTypes(model, type.qualifiedName);
  return {
    base: resolvedBase(context, chain),
    polymorphic: derived.length > 0,
    keys: keyProperties(model, type),
    inherited,
    literal: stringLiteral(`#${type.qualifiedName}`),
    concrete: derived
      .filter((item) => !item.abstract)
      .map((item) => ({
        qualifiedName: item.qualifiedName,
        polymorphic: derivedTypes(model, item.qualifiedName).length > 0,
        literal: stringLiteral(`#${item.qualifiedName}`),
      })),
    parts: new Map(),
  };
}

function shapeDeclarations(context: ExpressionContext, type: StructuredType, facts: TypeFacts, mode: ShapeMode): StructuredDeclaration[] {
  const { base, polymorphic } = facts;
  const signatures = [...(base ? [] : ANNOTATION_SIGNATURES), ...(type.openType ? [OPEN_SIGNATURE] : [])];
  const members = [
    ...(!polymorphic ? [odataTypeMember(facts.literal)] : base ? [] : [odataTypeMember('string')]),
    ...declaredMembers(context, type, facts, mode),
  ];
  const exact: InterfaceView = {
    doc: docComment(typeDoc(type, facts, mode)),
    name: polymorphic ? exactName(context, type.qualifiedName, mode) : shapeName(context, type.qualifiedName, mode),
    heritage: base ? ` extends ${exactName(context, base.qualifiedName, mode)}` : '',
    signatures,
    members,
  };
  if (!polymorphic) return [{ kind: 'interface', view: exact }];
  return [
    { kind: 'interface', view: exact },
    { kind: 'union', view: unionView(context, type, facts, mode) },
  ];
}

function unionView(context: ExpressionContext, type: StructuredType, facts: TypeFacts, mode: ShapeMode): UnionView {
  const own = `${exactName(context, type.qualifiedName, mode)} & { ${ODATA_TYPE_KEY}?: ${facts.literal} }`;
  const texts = [
    ...(!type.abstract || facts.concrete.length === 0 ? [own] : []),
    ...facts.concrete.map((derived) => {
      const shape = derived.polymorphic ? exactName(context, derived.qualifiedName, mode) : shapeName(context, derived.qualifiedName, mode);
      return `${shape} & { ${ODATA_TYPE_KEY}: ${derived.literal} }`;
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
 * The base type to extend (the second of the type's base chain), unless the chain is cyclic
 * (reported while building the model): an interface that extends itself would not compile.
 */
function resolvedBase(context: ExpressionContext, chain: StructuredType[]): StructuredType | undefined {
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

function typeDoc(type: StructuredType, facts: TypeFacts, mode: ShapeMode): string[] {
  const kind = type.kind === 'entity' ? 'Entity type' : 'Complex type';
  const key = type.kind === 'entity' ? facts.keys : [];
  const notes = [
    `${kind} \`${type.qualifiedName}\`${facts.polymorphic ? ' itself, without its derived types' : ''}${MODE_NOTE[mode]}.`,
    key.length > 0 && mode !== 'update' ? `Key: ${key.join(', ')}.` : '',
    type.abstract ? 'Abstract: instances are of a derived type.' : '',
    type.openType ? 'Open type: instances may hold properties not declared here.' : '',
  ].filter((note) => note !== '');
  return [...describe(type), notes.join(' ')].filter((text): text is string => text !== undefined);
}

/** Declared properties and navigation properties the mode takes, skipping names a base declares. */
function declaredMembers(context: ExpressionContext, type: StructuredType, facts: TypeFacts, mode: ShapeMode): MemberView[] {
  const taken = new Set(facts.inherited);
  const members: MemberView[] = [];
  for (const property of type.properties) {
    if (mode === 'create' && !isCreatable(property)) continue;
    if (mode === 'update' && !isUpdatable(property, facts.keys)) continue;
    if (taken.has(property.name)) continue;
    taken.add(property.name);
    members.push(propertyMember(context, facts, property, mode));
  }
  if (mode !== 'update') {
    for (const navigation of type.navigationProperties) {
      if (taken.has(navigation.name)) continue;
      taken.add(navigation.name);
      members.push(navigationMember(context, facts, navigation, mode));
    }
  }
  return members;
}

function propertyMember(context: ExpressionContext, facts: TypeFacts, property: StructuralProperty, mode: ShapeMode): MemberView {
  let parts = facts.parts.get(property);
  if (!parts) {
    // The notes as read: the create and update shapes leave out the properties whose notes would differ.
    const notes = [
      hasFormat(property.type) ? `\`${property.type}\`.` : '',
      property.computed ? 'Computed by the service.' : '',
      property.immutable ? 'Immutable: set on create only.' : '',
      isReadOnly(property) ? 'Read-only.' : '',
    ].filter((note) => note !== '');
    parts = memberParts(context, facts, property, docComment([...describe(property), notes.join(' ')], '  '), property);
  }
  return {
    doc: parts.doc,
    key: parts.key,
    optional: mode === 'create' && isRequiredOnCreate(property) ? '' : '?',
    type: parts.type ?? typeExpression(context, property, mode),
  };
}

/**
 * Navigation properties appear when expanded (read) or for a deep insert (create, OData
 * Protocol 4.01, 11.4.2.2); a PATCH does not take them (links change through `@odata.bind`).
 */
function navigationMember(context: ExpressionContext, facts: TypeFacts, navigation: NavigationProperty, mode: ShapeMode): MemberView {
  const reference = {
    type: navigation.type,
    collection: navigation.collection,
    nullable: navigation.nullable && !navigation.collection,
    ...(navigation.derivedTypeConstraint ? { derivedTypeConstraint: navigation.derivedTypeConstraint } : {}),
  };
  const parts =
    facts.parts.get(navigation) ??
    memberParts(context, facts, navigation, docComment([...describe(navigation), navigation.containsTarget ? 'Contained navigation.' : 'Navigation.'], '  '), reference);
  return { doc: parts.doc, key: parts.key, optional: '?', type: parts.type ?? typeExpression(context, reference, mode) };
}

/** A member's parts, remembered for the type's other modes. */
function memberParts(
  context: ExpressionContext,
  facts: TypeFacts,
  member: StructuralProperty | NavigationProperty,
  doc: string,
  reference: Parameters<typeof typeExpression>[1],
): MemberParts {
  // Only a structured type (or a constraint to its derived types) is named differently per mode.
  const type = lookupStructuredType(context.model, reference.type) === undefined ? typeExpression(context, reference, 'read') : undefined;
  const parts = { doc, key: propertyKey(member.name), type };
  facts.parts.set(member, parts);
  return parts;
}
