import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL, GRAPH_CSDL_OLD } from '../testing/corpus.ts';
import type { ChangeKind } from './classify.ts';
import type { Change, DiffReport } from './change.ts';
import { diffModels } from './diff-models.ts';
import { inheritedFrom, outline, type Outline } from './__fixtures__/csdl-outline.ts';
import { modelOf } from './__fixtures__/schema.ts';
import { reformat } from './__fixtures__/reformat.ts';

/**
 * Two real Graph releases, seven months apart. The expected added and removed types,
 * properties (with their types), navigation properties and enum members come from a
 * separate regex reading of the XML (csdl-outline.ts), not from the model.
 */
interface Expected {
  typesAdded: string[];
  typesRemoved: string[];
  propertiesAdded: string[];
  propertiesRemoved: string[];
  propertyTypesChanged: string[];
  propertiesMoved: string[];
  kindsChanged: string[];
  navigationAdded: string[];
  navigationRemoved: string[];
  navigationTypesChanged: string[];
  navigationMoved: string[];
  membersAdded: string[];
  membersRemoved: string[];
}

const STRUCTURED = new Set(['EntityType', 'ComplexType']);

function expectedChanges(before: Outline, after: Outline): Expected {
  const expected: Expected = {
    typesAdded: [...after.keys()].filter((name) => !before.has(name)),
    typesRemoved: [...before.keys()].filter((name) => !after.has(name)),
    propertiesAdded: [],
    propertiesRemoved: [],
    propertyTypesChanged: [],
    propertiesMoved: [],
    kindsChanged: [],
    navigationAdded: [],
    navigationRemoved: [],
    navigationTypesChanged: [],
    navigationMoved: [],
    membersAdded: [],
    membersRemoved: [],
  };
  for (const [name, newType] of after) {
    const oldType = before.get(name);
    if (!oldType) continue;
    if (STRUCTURED.has(oldType.kind) && STRUCTURED.has(newType.kind)) {
      compareMembers(expected, before, after, name, 'properties');
      compareMembers(expected, before, after, name, 'navigation');
    }
    if (oldType.kind === 'EnumType' && newType.kind === 'EnumType') {
      for (const member of newType.members) if (!oldType.members.has(member)) expected.membersAdded.push(`${name}/${member}`);
      for (const member of oldType.members) if (!newType.members.has(member)) expected.membersRemoved.push(`${name}/${member}`);
    }
  }
  return expected;
}

function compareMembers(expected: Expected, before: Outline, after: Outline, name: string, which: 'properties' | 'navigation'): void {
  const other = which === 'properties' ? 'navigation' : 'properties';
  const oldMembers = before.get(name)![which];
  const newMembers = after.get(name)![which];
  const lists =
    which === 'properties'
      ? { added: expected.propertiesAdded, removed: expected.propertiesRemoved, changed: expected.propertyTypesChanged, moved: expected.propertiesMoved }
      : { added: expected.navigationAdded, removed: expected.navigationRemoved, changed: expected.navigationTypesChanged, moved: expected.navigationMoved };
  const changed = (member: string, oldType: string, newType: string) => {
    if (oldType !== newType) lists.changed.push(`${name}/${member}: ${oldType} -> ${newType}`);
  };
  for (const [member, type] of newMembers) {
    const oldType = oldMembers.get(member);
    if (oldType !== undefined) changed(member, oldType, type);
    else if (before.get(name)![other].has(member)) {
      if (which === 'properties') expected.kindsChanged.push(`${name}/${member}`);
    } else {
      const inherited = inheritedFrom(before, name, member, which);
      if (inherited === undefined) lists.added.push(`${name}/${member}: ${type}`);
      else {
        lists.moved.push(`${name}/${member}`);
        changed(member, inherited, type);
      }
    }
  }
  for (const [member, type] of oldMembers) {
    if (newMembers.has(member)) continue;
    if (after.get(name)![other].has(member)) {
      if (which === 'properties') expected.kindsChanged.push(`${name}/${member}`);
      continue;
    }
    const inherited = inheritedFrom(after, name, member, which);
    if (inherited === undefined) lists.removed.push(`${name}/${member}: ${type}`);
    else {
      lists.moved.push(`${name}/${member}`);
      changed(member, type, inherited);
    }
  }
}

function reported(report: DiffReport): Expected {
  const of = (kinds: ChangeKind[], text: (change: Change) => string = (change) => change.target) =>
    report.changes.filter((change) => kinds.includes(change.kind)).map(text);
  const withNew = (change: Change) => `${change.target}: ${change.values?.new}`;
  const withOld = (change: Change) => `${change.target}: ${change.values?.old}`;
  const both = (change: Change) => `${change.target}: ${change.values?.old} -> ${change.values?.new}`;
  return {
    typesAdded: of(['type-added']),
    typesRemoved: of(['type-removed']),
    propertiesAdded: of(['property-added', 'required-property-added'], withNew),
    propertiesRemoved: of(['property-removed'], withOld),
    propertyTypesChanged: of(['property-type-changed'], both),
    propertiesMoved: of(['property-moved']),
    kindsChanged: of(['property-kind-changed']),
    navigationAdded: of(['navigation-added'], withNew),
    navigationRemoved: of(['navigation-removed'], withOld),
    navigationTypesChanged: of(['navigation-type-changed'], both),
    navigationMoved: of(['navigation-moved']),
    membersAdded: of(['enum-member-added']),
    membersRemoved: of(['enum-member-removed']),
  };
}

function sortAll(expected: Expected): Expected {
  return Object.fromEntries(Object.entries(expected).map(([key, list]) => [key, [...(list as string[])].sort()])) as unknown as Expected;
}

describe.skipIf(!corpusAvailable)(`diff of two Graph releases${CORPUS_SKIP_REASON}`, () => {
  let oldText: string;
  let report: DiffReport;

  beforeAll(() => {
    oldText = readFileSync(GRAPH_CSDL_OLD, 'utf8');
    report = diffModels(loadModel({ csdl: [GRAPH_CSDL_OLD] }).model, loadModel({ csdl: [GRAPH_CSDL] }).model);
  });

  it('agrees with an independent reading of the XML on every added and removed member', () => {
    const expected = sortAll(expectedChanges(outline(oldText), outline(readFileSync(GRAPH_CSDL, 'utf8'))));
    expect(sortAll(reported(report))).toEqual(expected);
    // Not vacuous: the releases differ in each of these ways.
    expect(expected.typesAdded.length).toBeGreaterThan(600);
    expect(expected.propertiesAdded.length).toBeGreaterThan(50);
    expect(expected.navigationAdded.length).toBeGreaterThan(20);
    expect(expected.membersAdded.length).toBeGreaterThan(50);
    expect(expected.propertiesMoved.length).toBeGreaterThan(5);
  });

  it('reports a stable, classified summary', () => {
    expect(report.semver).toBe('major');
    expect(report.summary.breaking).toBe(report.changes.filter((change) => change.severity === 'breaking').length);
    expect(report.changes.filter((change) => change.kind === 'base-type-changed').map((change) => change.target)).toEqual([
      'microsoft.graph.aiInteractionPlugin',
      'microsoft.graph.conditionalAccessPolicy',
      'microsoft.graph.namedLocation',
    ]);
    // conditionalAccessPolicy now declares the `id` key its old base type gave it: no key change.
    expect(report.changes.filter((change) => change.kind === 'key-changed')).toEqual([]);
  });

  it('finds no change between a file and a reformatted copy of itself', () => {
    const copy = reformat(oldText);
    expect(copy).not.toBe(oldText);
    const report = diffModels(loadModel({ csdl: [GRAPH_CSDL_OLD] }).model, modelOf(copy, 'reformatted.xml'));
    expect(report.changes).toEqual([]);
  });
});
