import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { edmx } from '../../model/build/__fixtures__/edmx.ts';
import { buildModel } from '../../model/build/build-model.ts';
import type { Model, StructuredType } from '../../model/types.ts';
import { typeCheckFiles } from '../../testing/typecheck.ts';
import { createTemplateRenderer } from '../templates.ts';
import { tsTypesEmitter } from './index.ts';
import { inputTypeNames } from './names.ts';

const templates = createTemplateRenderer();

function modelOf(schemaBody: string): Model {
  const diagnostics = new DiagnosticCollector();
  const model = buildModel([{ file: 'test.xml', text: edmx(schemaBody) }], diagnostics);
  expect(diagnostics.items.filter((item) => item.severity === 'error')).toEqual([]);
  return model;
}

function emit(model: Model, ieee754Compatible = false): string {
  const [file] = tsTypesEmitter.emit({ model, templates, options: { ieee754Compatible }, diagnostics: new DiagnosticCollector() });
  expect(file!.path).toBe('types.gen.ts');
  return file!.content;
}

/** The declaration of one exported name, up to the next blank line. */
function declaration(content: string, name: string): string {
  const start = content.search(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
  expect(start, `${name} is declared`).toBeGreaterThanOrEqual(0);
  const end = content.indexOf('\n\n', start);
  return content.slice(start, end === -1 ? undefined : end);
}

const ENTITY = `
  <EntityType Name="entity" Abstract="true">
    <Key><PropertyRef Name="id" /></Key>
    <Property Name="id" Type="Edm.String" Nullable="false" />
  </EntityType>`;

describe('Edm primitives', () => {
  const types: [edm: string, plain: string, ieee754: string][] = [
    ['Edm.String', 'string', 'string'],
    ['Edm.Boolean', 'boolean', 'boolean'],
    ['Edm.Byte', 'number', 'number'],
    ['Edm.SByte', 'number', 'number'],
    ['Edm.Int16', 'number', 'number'],
    ['Edm.Int32', 'number', 'number'],
    ['Edm.Int64', 'number', 'string'],
    ['Edm.Decimal', 'number', 'string'],
    ['Edm.Single', 'EdmFloat', 'EdmFloat'],
    ['Edm.Double', 'EdmFloat', 'EdmFloat'],
    ['Edm.Date', 'string', 'string'],
    ['Edm.DateTimeOffset', 'string', 'string'],
    ['Edm.TimeOfDay', 'string', 'string'],
    ['Edm.Duration', 'string', 'string'],
    ['Edm.Guid', 'string', 'string'],
    ['Edm.Binary', 'string', 'string'],
    ['Edm.Stream', 'string', 'string'],
    ['Edm.Untyped', 'unknown', 'unknown'],
    ['Edm.GeographyPoint', 'GeoJsonPoint', 'GeoJsonPoint'],
    ['Edm.GeometryPolygon', 'GeoJsonPolygon', 'GeoJsonPolygon'],
    ['Edm.Geography', 'GeoJsonGeometry', 'GeoJsonGeometry'],
    ['Edm.GeographyCollection', 'GeoJsonGeometryCollection', 'GeoJsonGeometryCollection'],
  ];
  const body = `<ComplexType Name="all">${types.map(([edm], index) => `<Property Name="p${index}" Type="${edm}" Nullable="false" />`).join('')}</ComplexType>`;
  const model = modelOf(body);
  const plain = declaration(emit(model), 'All');
  const ieee = declaration(emit(model, true), 'All');

  it.each(types.map(([edm, want, wantIeee], index) => [edm, index, want, wantIeee] as const))('%s', (_edm, index, want, wantIeee) => {
    expect(plain).toContain(`  p${index}?: ${want};\n`);
    expect(ieee).toContain(`  p${index}?: ${wantIeee};\n`);
  });

  it('types @odata.count as the Int64 it is', () => {
    expect(emit(model, true)).toContain('"@odata.count"?: string;');
    expect(emit(model, false)).toContain('"@odata.count"?: number;');
  });
});

describe('properties', () => {
  const model = modelOf(`
    <ComplexType Name="address"><Property Name="city" Type="Edm.String" /></ComplexType>
    <ComplexType Name="holder">
      <Property Name="nullableString" Type="Edm.String" />
      <Property Name="requiredString" Type="Edm.String" Nullable="false" />
      <Property Name="strings" Type="Collection(Edm.String)" Nullable="false" />
      <Property Name="nullableItems" Type="Collection(Edm.String)" />
      <Property Name="home" Type="t.address" />
      <Property Name="addresses" Type="Collection(t.address)" Nullable="false" />
      <Property Name="untyped" Type="Collection(Edm.PrimitiveType)" Nullable="false" />
    </ComplexType>`);
  const content = emit(model);

  it.each([
    ['nullable', 'Holder', 'nullableString?: string | null;'],
    ['not nullable', 'Holder', 'requiredString?: string;'],
    ['collection', 'Holder', 'strings?: string[];'],
    ['collection of nullable items (never a null collection)', 'Holder', 'nullableItems?: (string | null)[];'],
    ['complex', 'Holder', 'home?: Address | null;'],
    ['collection of complex', 'Holder', 'addresses?: Address[];'],
    ['parenthesised union items', 'Holder', 'untyped?: (string | number | boolean)[];'],
    ['complex in a create body', 'HolderCreate', 'home?: AddressCreate | null;'],
    ['complex in an update body: merged, so partial', 'HolderUpdate', 'home?: AddressUpdate | null;'],
    ['collection in an update body: replaced whole', 'HolderUpdate', 'addresses?: AddressCreate[];'],
  ])('%s', (_name, type, member) => {
    expect(declaration(content, type)).toContain(`  ${member}\n`);
  });
});

describe('enums', () => {
  const model = modelOf(`
    <EnumType Name="color"><Member Name="red" Value="0" /><Member Name="green" Value="1" /></EnumType>
    <EnumType Name="access" IsFlags="true"><Member Name="read" Value="1" /><Member Name="write" Value="2" /></EnumType>
    <EnumType Name="empty" />`);
  const content = emit(model);

  it('types an enum as the union of its member names', () => {
    expect(declaration(content, 'Color')).toContain('export type Color =\n  | "red"\n  | "green";');
  });

  it('types a flags enum as members joined by commas', () => {
    expect(declaration(content, 'Access')).toContain('  | "read"\n  | "write"\n  | `${"read" | "write"},${string}`;');
  });

  it('types an enum without members as string', () => {
    expect(declaration(content, 'Empty')).toContain('export type Empty = string;');
  });

  it('accepts members and comma-joined flags, and rejects other strings', () => {
    const errors = typeCheckFiles({
      'types.gen.ts': content,
      'use.ts': `import type { Access, Color } from './types.gen.ts';
const a: Color = 'red';
// @ts-expect-error not a member
const b: Color = 'blue';
const c: Access = 'read,write';
// @ts-expect-error not a member
const d: Access = 'delete';
export { a, b, c, d };
`,
    });
    expect(errors).toEqual([]);
  });
});

describe('inheritance and polymorphism', () => {
  const model = modelOf(`${ENTITY}
    <EntityType Name="directoryObject" BaseType="t.entity">
      <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
    </EntityType>
    <EntityType Name="user" BaseType="t.directoryObject">
      <Property Name="displayName" Type="Edm.String" />
      <NavigationProperty Name="manager" Type="t.directoryObject" />
    </EntityType>
    <EntityType Name="group" BaseType="t.directoryObject">
      <Property Name="mail" Type="Edm.String" />
      <NavigationProperty Name="members" Type="Collection(t.directoryObject)" />
    </EntityType>
    <EntityType Name="device" BaseType="t.directoryObject" />
    <EntityType Name="team" BaseType="t.entity">
      <NavigationProperty Name="members" Type="Collection(t.directoryObject)">
        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
          <Collection><String>test.ns.user</String><String>test.ns.group</String><String>test.ns.team</String></Collection>
        </Annotation>
      </NavigationProperty>
    </EntityType>
    <ComplexType Name="holder"><Property Name="owner" Type="t.directoryObject" /></ComplexType>`);
  const content = emit(model);

  it('extends the exact shape of the base type', () => {
    expect(declaration(content, 'User')).toMatch(/^export interface User extends DirectoryObjectProperties \{/);
    expect(declaration(content, 'DirectoryObjectProperties')).toMatch(/^export interface DirectoryObjectProperties extends EntityProperties \{/);
    expect(declaration(content, 'User')).toContain('"@odata.type"?: "#test.ns.user";');
  });

  it('makes a type with derived types the union of them, told apart by @odata.type', () => {
    expect(declaration(content, 'DirectoryObject')).toContain(
      [
        'export type DirectoryObject =',
        '  | DirectoryObjectProperties & { "@odata.type"?: "#test.ns.directoryObject" }',
        '  | Device & { "@odata.type": "#test.ns.device" }',
        '  | Group & { "@odata.type": "#test.ns.group" }',
        '  | User & { "@odata.type": "#test.ns.user" };',
      ].join('\n'),
    );
  });

  it('leaves abstract types out of their own union', () => {
    expect(declaration(content, 'Entity')).not.toContain('EntityProperties &');
    expect(declaration(content, 'Entity')).toContain('DirectoryObjectProperties & { "@odata.type": "#test.ns.directoryObject" }');
  });

  it('restricts a position to the types of its Validation.DerivedTypeConstraint (team is not a directoryObject)', () => {
    expect(declaration(content, 'Team')).toContain('  members?: (Group | User)[];');
    expect(declaration(content, 'TeamCreate')).toContain('  members?: (GroupCreate | UserCreate)[];');
  });

  it('narrows on @odata.type and checks derived properties', () => {
    const errors = typeCheckFiles({
      'types.gen.ts': content,
      'use.ts': `import type { DirectoryObject, Holder, ODataCollection } from './types.gen.ts';
export function name(object: DirectoryObject): string | null | undefined {
  if (object['@odata.type'] === '#test.ns.user') return object.displayName;
  if (object['@odata.type'] === '#test.ns.group') return object.mail;
  // @ts-expect-error displayName is a user's, not a directoryObject's
  return object.displayName;
}
const holder: Holder = { owner: { '@odata.type': '#test.ns.user', id: '1', displayName: 'Ada' } };
// @ts-expect-error a user has no mail
const wrong: Holder = { owner: { '@odata.type': '#test.ns.user', mail: 'x' } };
const page: ODataCollection<DirectoryObject> = { value: [{ id: '1' }], '@odata.nextLink': 'https://next' };
export { holder, wrong, page };
`,
    });
    expect(errors).toEqual([]);
  });
});

describe('input shapes', () => {
  const model = modelOf(`${ENTITY}
    <EntityType Name="item" BaseType="t.entity">
      <Property Name="name" Type="Edm.String" />
      <Property Name="created" Type="Edm.DateTimeOffset"><Annotation Term="Core.Computed" Bool="true" /></Property>
      <Property Name="owner" Type="Edm.String"><Annotation Term="Core.Immutable" Bool="true" /></Property>
      <Property Name="etag" Type="Edm.String"><Annotation Term="Core.Permissions"><EnumMember>Core.Permission/Read</EnumMember></Annotation></Property>
      <Property Name="content" Type="Edm.Stream" />
      <NavigationProperty Name="children" Type="Collection(t.item)" ContainsTarget="true" />
    </EntityType>`);
  const item = model.types['test.ns.item'] as StructuredType;
  item.properties.find((property) => property.name === 'name')!.docCues = ['Required'];
  const content = emit(model);

  it.each([
    ['read', 'Item', ['name?', 'created?', 'owner?', 'etag?', 'content?', 'children?'], []],
    ['create', 'ItemCreate', ['name:', 'owner?', 'children?'], ['created', 'etag', 'content']],
    ['update', 'ItemUpdate', ['name?'], ['created', 'owner', 'etag', 'content', 'children', 'id']],
  ])('%s shape', (_mode, name, present, absent) => {
    const text = declaration(content, name);
    for (const member of present) expect(text).toContain(`  ${member}`);
    for (const member of absent) expect(text).not.toMatch(new RegExp(`^  ${member}\\??:`, 'm'));
  });

  it('leaves the key out of updates, inherited or not', () => {
    expect(declaration(content, 'EntityUpdateProperties')).not.toContain('id?');
    expect(declaration(content, 'EntityCreateProperties')).toContain('id?: string;');
  });

  it('is what the compiler enforces', () => {
    const errors = typeCheckFiles({
      'types.gen.ts': content,
      'use.ts': `import type { ItemCreate, ItemUpdate } from './types.gen.ts';
const created: ItemCreate = { name: 'a', children: [{ name: 'b' }], 'manager@odata.bind': 'https://x' };
// @ts-expect-error name is required on create (the docs say so)
const missing: ItemCreate = { owner: 'x' };
// @ts-expect-error computed
const computed: ItemCreate = { name: 'a', created: '2020-01-01T00:00:00Z' };
const updated: ItemUpdate = { name: null };
// @ts-expect-error immutable
const immutable: ItemUpdate = { owner: 'x' };
// @ts-expect-error key
const key: ItemUpdate = { id: 'x' };
export { created, missing, computed, updated, immutable, key };
`,
    });
    expect(errors).toEqual([]);
  });
});

describe('names', () => {
  it('gives input shapes a free name when a schema type already has it', () => {
    const model = modelOf(`
      <ComplexType Name="thing"><Property Name="a" Type="Edm.String" /></ComplexType>
      <ComplexType Name="thingCreate"><Property Name="b" Type="Edm.String" /></ComplexType>
      <ComplexType Name="oDataError"><Property Name="c" Type="Edm.String" /></ComplexType>`);
    const names = inputTypeNames(model);
    expect(names.create['test.ns.thing']).toBe('ThingCreate_');
    expect(names.create['test.ns.thingCreate']).toBe('ThingCreateCreate');
    expect(names.error).toBe('ODataError_');
    expect(typeCheckFiles({ 'types.gen.ts': emit(model) })).toEqual([]);
  });

  it('is deterministic', () => {
    const body = `${ENTITY}<EntityType Name="a" BaseType="t.entity" /><EntityType Name="b" BaseType="t.entity" />`;
    expect(emit(modelOf(body))).toBe(emit(modelOf(body)));
  });
});

describe('doc comments', () => {
  it('carries descriptions, neutralised', () => {
    const model = modelOf(`
      <ComplexType Name="c">
        <Property Name="p" Type="Edm.Guid">
          <Annotation Term="Core.Description" String="Ends early */ export const x = 1; /*" />
        </Property>
      </ComplexType>`);
    model.types['test.ns.c']!.description = 'Line one\r\nLine two\u2028*/ end';
    const content = emit(model);
    expect(declaration(content, 'C')).toContain('  /**\n   * Ends early *\\/ export const x = 1; /*\n   *\n   * `Edm.Guid`.\n   */\n  p?: string | null;');
    expect(content).toContain('/**\n * Line one\n * Line two\n * *\\/ end\n *\n * Complex type `test.ns.c`.\n */\nexport interface C {');
  });
});
