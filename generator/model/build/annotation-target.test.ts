import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { requestBuildersEmitter, CLIENT_FILE } from '../../emit/request-builders/index.ts';
import { createTemplateRenderer } from '../../emit/templates.ts';
import type { ComplexType, EntityType, EnumType } from '../types.ts';
import { build } from './__fixtures__/edmx.ts';
import { buildModel } from './build-model.ts';
import { splitTarget } from './annotation-target.ts';

const note = (text: string) => `<Annotation Term="Org.OData.Core.V1.Description" String="${text}" />`;

/** Every target form of CSDL XML 14.2.1, each annotated with a description naming it. */
const BODY = `
      <EntityType Name="person">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="home" Type="t.address" />
        <NavigationProperty Name="friends" Type="Collection(t.person)" />
        <NavigationProperty Name="best" Type="t.person" />
      </EntityType>
      <EntityType Name="manager" BaseType="t.person" />
      <ComplexType Name="address"><Property Name="city" Type="Edm.String" /></ComplexType>
      <EnumType Name="color"><Member Name="red" /></EnumType>
      <Function Name="find" IsBound="true">
        <Parameter Name="people" Type="Collection(t.person)" />
        <Parameter Name="name" Type="Edm.String" />
        <ReturnType Type="t.person" />
      </Function>
      <Function Name="find" IsBound="true">
        <Parameter Name="people" Type="Collection(t.person)" />
        <Parameter Name="name" Type="Edm.String" />
        <Parameter Name="limit" Type="Edm.Int32" />
        <ReturnType Type="Collection(t.person)" />
      </Function>
      <Function Name="count"><Parameter Name="color" Type="t.color" /><ReturnType Type="Edm.Int32" /></Function>
      <Action Name="poke" IsBound="true"><Parameter Name="person" Type="t.person" /><Parameter Name="hard" Type="Edm.Boolean" /></Action>
      <Action Name="poke" IsBound="true"><Parameter Name="address" Type="t.address" /></Action>
      <Action Name="poke"><Parameter Name="everyone" Type="Edm.Boolean" /></Action>
      <EntityContainer Name="svc">
        <EntitySet Name="people" EntityType="t.person" />
        <Singleton Name="me" Type="t.person" />
        <FunctionImport Name="count" Function="t.count" />
        <ActionImport Name="poke" Action="t.poke" />
      </EntityContainer>
      <Annotations Target="t.find(Collection(t.person),Edm.String)">${note('find by name')}</Annotations>
      <Annotations Target="t.find(Collection(test.ns.person), Edm.String, Edm.Int32)/limit">${note('limit')}</Annotations>
      <Annotations Target="t.find/name">${note('every name')}</Annotations>
      <Annotations Target="t.find(Collection(t.person),Edm.String)/$ReturnType">${note('one person')}</Annotations>
      <Annotations Target="t.count(t.color)">${note('count')}</Annotations>
      <Annotations Target="t.poke(t.person)">${note('poke a person')}</Annotations>
      <Annotations Target="t.poke(t.address)/address">${note('the address')}</Annotations>
      <Annotations Target="t.poke()">${note('poke everyone')}</Annotations>
      <Annotations Target="t.poke(t.person, Edm.Boolean)/hard">${note('how hard')}</Annotations>
      <Annotations Target="t.svc/count/color">${note('import parameter')}</Annotations>
      <Annotations Target="t.svc/count/$ReturnType">${note('import return')}</Annotations>
      <Annotations Target="t.svc/people/home">${note('home of people')}</Annotations>
      <Annotations Target="t.svc/people/home/city">${note('city of people')}</Annotations>
      <Annotations Target="t.svc/me/best/t.manager">${note('my best friend as manager')}</Annotations>
      <Annotations Target="t.svc/people/friends">
        <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false" /></Record></Annotation>
      </Annotations>
      <Annotations Target="t.person/home/city">${note('city via type')}</Annotations>
      <Annotations Target="t.manager/best">${note('inherited via derived type')}</Annotations>
      <Annotations Target="t.color/red">${note('red')}</Annotations>
      <Annotations Target="t.svc/people">${note('the set')}</Annotations>
      <Annotations Target="t.svc/people" Qualifier="tablet">
        <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false" /></Record></Annotation>
      </Annotations>
      <Annotations Target="test.ns">${note('the schema')}</Annotations>
      <Annotations Target="t.find(Edm.String)">${note('no such overload')}</Annotations>
      <Annotations Target="t.poke(t.color)">${note('no such binding')}</Annotations>
      <Annotations Target="t.svc/people/nothing">${note('no such property')}</Annotations>
      <Annotations Target="t.svc/people/id/deeper">${note('below a primitive')}</Annotations>
      <Annotations Target="t.svc/people/t.address">${note('not a derived type')}</Annotations>
      <Annotations Target="t.svc/people/@Core.Description">${note('an annotation')}</Annotations>
      <Term Name="rating" Type="Edm.Int32" />
      <Annotations Target="t.rating">${note('a term')}</Annotations>`;

const descriptions = (element: { annotations: { term: string; value: unknown }[] }) =>
  element.annotations.filter((a) => a.term === 'Org.OData.Core.V1.Description').map((a) => a.value);

describe('annotation targets', () => {
  const { model, diagnostics } = build(BODY);
  const [findByName, findWithLimit] = model.functions.filter((f) => f.name === 'find');
  const count = model.functions.find((f) => f.name === 'count')!;
  const [pokePerson, pokeAddress, pokeEveryone] = model.actions;
  const person = model.types['test.ns.person'] as EntityType;
  const container = model.entityContainer!;
  const people = container.entitySets[0]!;

  it('tells function overloads apart by all their parameter types, with or without spaces', () => {
    expect(descriptions(findByName!)).toEqual(['find by name']);
    expect(descriptions(findWithLimit!)).toEqual([]);
    expect(descriptions(findWithLimit!.parameters[2]!)).toEqual(['limit']);
    expect(descriptions(count)).toEqual(['count']);
  });

  it('applies a target without parentheses to every overload', () => {
    expect(descriptions(findByName!.parameters[1]!)).toEqual(['every name']);
    expect(descriptions(findWithLimit!.parameters[1]!)).toEqual(['every name']);
  });

  it('tells action overloads apart by the binding type, () for the unbound one, and by all types as Graph writes them', () => {
    expect(descriptions(pokePerson!)).toEqual(['poke a person']);
    expect(descriptions(pokeAddress!.parameters[0]!)).toEqual(['the address']);
    expect(descriptions(pokeEveryone!)).toEqual(['poke everyone']);
    expect(descriptions(pokePerson!.parameters[1]!)).toEqual(['how hard']);
  });

  it('reaches return types and the parameters of operation imports', () => {
    expect(descriptions({ annotations: findByName!.returnType!.annotations ?? [] })).toEqual(['one person']);
    expect(findWithLimit!.returnType!.annotations).toBeUndefined();
    expect(descriptions(count.parameters[0]!)).toEqual(['import parameter']);
    expect(descriptions({ annotations: count.returnType!.annotations ?? [] })).toEqual(['import return']);
  });

  it('keeps paths through the container, navigation and casts beside the set they start from', () => {
    expect(Object.keys(people.pathAnnotations ?? {})).toEqual(['home', 'home/city', 'friends']);
    expect(people.pathAnnotations!['home/city']!.map((a) => a.value)).toEqual(['city of people']);
    expect(Object.keys(container.singletons[0]!.pathAnnotations ?? {})).toEqual(['best/test.ns.manager']);
    expect(descriptions(people)).toEqual(['the set']);
    // The annotations apply through the set only: the property itself is not annotated.
    expect(descriptions(person.properties[1]!)).toEqual([]);
  });

  it('gives the annotations of a qualified block its qualifier, so they are not read as unqualified', () => {
    expect(people.annotations.filter((a) => a.qualifier === 'tablet').map((a) => a.term)).toEqual(['Org.OData.Capabilities.V1.InsertRestrictions']);
    expect(people.capabilities.insertable).toBeUndefined();
    expect(model.operations.map((o) => o.id)).toContain('POST /people');
  });

  it('reads restrictions on a navigation path as that path\'s restrictions', () => {
    expect(people.capabilities.restrictedNavigation).toEqual({ friends: { insertable: false } });
    expect(model.operations.map((o) => o.id)).not.toContain('POST /people/{id}/friends');
  });

  it('keeps paths through a type beside the type, and reaches enum members and schemas', () => {
    expect(person.pathAnnotations!['home/city']!.map((a) => a.value)).toEqual(['city via type']);
    expect((model.types['test.ns.manager'] as EntityType).pathAnnotations!['best']!.map((a) => a.value)).toEqual([
      'inherited via derived type',
    ]);
    expect(descriptions((model.types['test.ns.color'] as EnumType).members[0]!)).toEqual(['red']);
    expect(model.schemas[0]!.description).toBe('the schema');
    expect((model.types['test.ns.address'] as ComplexType).properties[0]!.annotations).toEqual([]);
  });

  it('says which targets do not exist and why, and which forms are not supported', () => {
    expect(diagnostics.map((d) => [d.code, d.message.replace(/^Annotation target \S+ /, '')])).toEqual([
      ['csdl/unresolved-annotation-target', 'does not exist: no overload of test.ns.find has the parameter types (Edm.String)'],
      ['csdl/unresolved-annotation-target', 'does not exist: no overload of test.ns.poke has the parameter types (test.ns.color)'],
      ['csdl/unresolved-annotation-target', 'does not exist: test.ns.person has no property nothing'],
      ['csdl/unresolved-annotation-target', 'does not exist: test.ns.svc/people/id is of the primitive type Edm.String'],
      ['csdl/unresolved-annotation-target', 'does not exist: test.ns.address is not derived from test.ns.person'],
      [
        'csdl/unsupported-annotation-target',
        'is a form odatakit does not support (path segment @Core.Description); its annotations are not kept',
      ],
      ['csdl/unsupported-annotation-target', 'is a form odatakit does not support (a term); its annotations are not kept'],
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.line > 0)).toBe(true);
  });
});

describe('a name shared by a type and a function (Graph\'s image)', () => {
  const { model, diagnostics } = build(`
      <ComplexType Name="image"><Property Name="width" Type="Edm.Int32" /></ComplexType>
      <Function Name="image" IsBound="true"><Parameter Name="item" Type="t.image" /><Parameter Name="size" Type="Edm.String" /><ReturnType Type="Edm.Stream" /></Function>
      <Annotations Target="t.image/width">${note('the width')}</Annotations>
      <Annotations Target="t.image/size">${note('the size')}</Annotations>`);

  it('reaches the member of whichever has it', () => {
    expect(descriptions((model.types['test.ns.image'] as ComplexType).properties[0]!)).toEqual(['the width']);
    expect(descriptions(model.functions[0]!.parameters[1]!)).toEqual(['the size']);
    expect(diagnostics.map((d) => d.code)).toEqual(['csdl/name-clash']);
  });
});

describe('splitTarget', () => {
  it.each([
    ['S.f', { head: 'S.f', signature: undefined, rest: [] }],
    ['S.f()', { head: 'S.f', signature: [], rest: [] }],
    ['S.f( S.T , Collection( Edm.String ) )/p', { head: 'S.f', signature: ['S.T', 'Collection(Edm.String)'], rest: ['p'] }],
    ['S.C/People/S.Manager/name', { head: 'S.C', signature: undefined, rest: ['People', 'S.Manager', 'name'] }],
  ])('%s', (target, expected) => {
    expect(splitTarget(target)).toEqual(expected);
  });
});

describe('Core.OptionalParameter on a CAP service (targets by full signature and through the import)', () => {
  const file = 'generator/model/build/__fixtures__/cap-optional-parameter.xml';
  const diagnostics = new DiagnosticCollector();
  const model = buildModel([{ file, text: readFileSync(file, 'utf8') }], diagnostics);

  it('makes the annotated parameters optional, with nothing reported', () => {
    expect(diagnostics.sorted()).toEqual([]);
    const optional = (name: string) => [...model.actions, ...model.functions].find((c) => c.name === name)!.parameters.map((p) => [p.name, p.optional]);
    expect(optional('getAdvisor')).toEqual([['zipCode', false], ['city', true], ['street', true]]);
    expect(optional('assign')).toEqual([['area', false], ['note', true]]);
  });

  it('makes them optional in the client', () => {
    const files = requestBuildersEmitter.emit({ model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics });
    const client = files.find((f) => f.path === CLIENT_FILE)!.content;
    expect(client).toMatch(/getAdvisor\(parameters: \{ zipCode: string \| null; city\?: string \| null; street\?: string \| null \}/);
    expect(client).toMatch(/assign\(body: \{ area: string; note\?: string \}/);
  });
});
