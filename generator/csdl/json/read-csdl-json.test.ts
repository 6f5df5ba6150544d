import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_SKIP_REASON, corpusAvailable, PROJECT_ROOT } from '../../testing/corpus.ts';
import { modelFromJson } from '../../model/json.ts';
import { runCli } from '../../testing/run-cli.ts';
import { buildText, corpusText, CSDL_OTHER, refusal, withoutPositions } from '../__fixtures__/models.ts';

const FIXTURES = join(PROJECT_ROOT, 'generator/csdl/json/__fixtures__');
const XML = readFileSync(join(FIXTURES, 'service.xml'), 'utf8');
const JSON_TEXT = readFileSync(join(FIXTURES, 'service.json'), 'utf8');

const POSITION = /\\"line\\":\d+,\\"column\\":\d+/g;

/** A generated file with its source positions left out: model.gen.ts embeds the model (packed) with them. */
function withoutSourcePositions(file: string, text: string): string {
  if (!file.endsWith('model.gen.ts')) return text.replace(POSITION, '');
  const literal = /^export const MODEL_JSON = (".*");$/m.exec(text)![1]!;
  const model = modelFromJson(JSON.parse(literal) as string);
  return text.replace(literal, JSON.stringify(model, (key, value: unknown) => (key === 'line' || key === 'column' ? undefined : value)));
}

describe('CSDL JSON: the same service as CSDL XML gives the same model', () => {
  const fromXml = buildText(XML, 'service.xml');
  const fromJson = buildText(JSON_TEXT, 'service.json');

  it('equal models, positions aside, and no diagnostics on either', () => {
    expect(fromXml.diagnostics).toEqual([]);
    expect(fromJson.diagnostics).toEqual([]);
    expect(Object.keys(fromJson.model.types)).toHaveLength(8);
    expect(withoutPositions(fromJson.model)).toEqual(withoutPositions(fromXml.model));
  });

  it('reads what CSDL JSON writes differently: absent $Nullable is false, enum members and paths by the term type', () => {
    const item = fromJson.model.types['com.example.shop.Item'];
    expect(item?.kind === 'entity' && item.properties.map((p) => [p.name, p.nullable])).toEqual([
      ['Id', false], ['Price', true], ['Sku', true], ['Colours', false], ['Secret', true],
    ]);
    expect(item?.kind === 'entity' && item.properties[4]).toMatchObject({ permissions: 'Write' });
    const orders = fromJson.model.entityContainer?.entitySets.find((set) => set.name === 'Orders');
    expect(orders?.capabilities).toEqual({ insertable: false, updateMethod: 'PUT', restrictedNavigation: { Customer: { navigability: 'None' } } });
    expect(fromJson.model.actions[0]?.parameters[1]).toMatchObject({ name: 'reason', optional: true, longDescription: 'Why the order is cancelled' });
  });

  it('positions are the JSON file\'s lines and columns', () => {
    const line = (needle: string) => JSON_TEXT.split('\n').findIndex((text) => text.includes(needle)) + 1;
    expect(fromJson.model.types['com.example.shop.Order']?.source).toEqual({ file: 'service.json', line: line('"Order": {'), column: 5 });
    const { diagnostics } = buildText(JSON_TEXT.replace('"$Type": "shop.Sku", "$Nullable": true', '"$Type": "shop.Nope"'), 'broken.json');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'csdl/unresolved-type', file: 'broken.json', line: line('"Sku": { "$Type"'), column: 7 }),
    ]);
  });

  it('generate writes the same files from either form', () => {
    const outputs = [['service.xml', XML], ['service.json', JSON_TEXT]].map(([name, text]) => {
      const folder = mkdtempSync(join(tmpdir(), 'odatakit-json-'));
      writeFileSync(join(folder, name!), text!);
      const result = runCli(['generate', '--csdl', name!, '--out', 'out'], { cwd: folder });
      expect(result.status, result.stderr).toBe(0);
      const out = join(folder, 'out');
      return readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .sort()
        // model.gen.ts embeds the model with its source positions: those differ, by design.
        .map((file) => [file, withoutSourcePositions(file, readFileSync(join(out, file), 'utf8').replaceAll('service.json', 'service.xml'))]);
    });
    expect(outputs[0]!.length).toBeGreaterThan(3);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});

const CAP = join(PROJECT_ROOT, 'test/servers/cap');
const haveCap = existsSync(join(CAP, 'node_modules/@sap/cds'));

describe(`CSDL JSON from a real producer (SAP CAP compiles one service to both forms)${haveCap ? '' : ' (skipped: test/servers/cap is not installed)'}`, () => {
  it.skipIf(!haveCap)('CAP\'s CSDL XML and CSDL JSON of the test service give the same model', () => {
    const script = `const cds = require('@sap/cds');
cds.load('*').then((csn) => process.stdout.write(JSON.stringify({ xml: cds.compile.to.edmx(csn), json: JSON.stringify(cds.compile.to.edm(csn), null, 2) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: CAP, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const { xml, json } = JSON.parse(result.stdout) as { xml: string; json: string };
    const fromXml = buildText(xml, 'cap.xml');
    const fromJson = buildText(json, 'cap.json');
    expect(Object.keys(fromXml.model.types).length).toBeGreaterThan(2);
    expect(withoutPositions(fromJson.model)).toEqual(withoutPositions(fromXml.model));
    expect(fromJson.diagnostics.map((d) => d.code)).toEqual(fromXml.diagnostics.map((d) => d.code));
  });
});

const CONVERTER = join(PROJECT_ROOT, 'test/servers/oasis-csdl-converter');
const haveConverter = existsSync(join(CONVERTER, 'node_modules/odata-csdl'));

/**
 * What CSDL JSON cannot say, so a converter loses it (CSDL JSON 7.2): `MaxLength="max"`, and
 * the nullability of collection items left unstated in XML (JSON's absent `$Nullable` is false).
 * Those two are set aside before comparing; nothing else is.
 */
function withoutUnsayable(model: unknown): unknown {
  return JSON.parse(
    JSON.stringify(model, function (key, value: unknown) {
      if (key === 'maxLength' && value === 'max') return undefined;
      if (key === 'nullable' && (this as { collection?: boolean }).collection === true) return undefined;
      return value;
    }),
  );
}

describe(`CSDL JSON from the OData TC's own converter (odata-csdl xml2json)${haveConverter ? '' : ' (skipped: test/servers/oasis-csdl-converter is not installed)'}${CORPUS_SKIP_REASON}`, () => {
  it.skipIf(!haveConverter || !corpusAvailable).each(['trippin.xml', 'northwind-v4.xml'])('%s converted to JSON gives the same model', (name) => {
    const script = `process.stdout.write(JSON.stringify(require('odata-csdl').xml2json(require('fs').readFileSync(process.argv[1], 'utf8')), null, 2))`;
    const result = spawnSync(process.execPath, ['-e', script, join(CSDL_OTHER, name)], { cwd: CONVERTER, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status, result.stderr).toBe(0);
    const fromXml = buildText(corpusText(name), name);
    const fromJson = buildText(result.stdout, name.replace('.xml', '.json'));
    expect(Object.keys(fromJson.model.types).length).toBeGreaterThan(10);
    expect(withoutUnsayable(withoutPositions(fromJson.model))).toEqual(withoutUnsayable(withoutPositions(fromXml.model)));
    expect(fromJson.diagnostics.map((d) => d.code)).toEqual(fromXml.diagnostics.map((d) => d.code));
  });
});

describe('CSDL JSON record types', () => {
  it.each(['@type', '@odata.type'])('read from "%s" (4.01 and 4.0-era writers)', (key) => {
    const text = `{ "$Version": "4.0", "n": { "c": { "$Kind": "ComplexType",
      "@Org.OData.Core.V1.AlternateKeys": [{ "${key}": "#Org.OData.Core.V1.AlternateKey", "Key": [{ "Name": "code", "Alias": "code" }] }] } } }`;
    const value = buildText(text, 'types.json').model.types['n.c']?.annotations[0]?.value;
    expect(value).toEqual([{ '@type': 'Org.OData.Core.V1.AlternateKey', Key: [{ Name: { $PropertyPath: 'code' }, Alias: 'code' }] }]);
  });
});

describe('hostile CSDL JSON', () => {
  it('prototype names as members, kinds and values build nothing odd and pollute nothing', () => {
    // Written as text: in an object literal, __proto__ would set the prototype, not a member.
    const text = `{
      "$Version": "4.01",
      "__proto__": { "polluted": true },
      "n": {
        "__proto__": { "$Kind": "ComplexType", "polluted": {} },
        "constructor": { "$Kind": "__proto__" },
        "c": { "$Kind": "ComplexType", "__proto__": { "$Type": "Edm.String" }, "toString": {}, "@__proto__": "x", "$__proto__": "y" }
      }
    }`;
    const { model } = buildText(text, 'hostile.json');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(model.types).sort()).toEqual(['n.__proto__', 'n.c']);
    const c = model.types['n.c'];
    expect(c?.kind === 'complex' && c.properties.map((p) => p.name)).toEqual(['__proto__', 'toString']);
  });
});

describe('CSDL JSON refusals (exit 2, positioned)', () => {
  it.each([
    ['malformed JSON', '{\n  "$Version": "4.01",\n  "n": { , }\n}', 'csdl/malformed-json', 3, 10],
    ['a JSON array', '[1, 2]', 'csdl/not-csdl-json', 1, 1],
    ['an OData response', '{ "@odata.context": "$metadata", "value": [] }', 'csdl/not-csdl-json', 1, 1],
    ['a version before 4.0', '{\n  "$Version": "2.0"\n}', 'csdl/unsupported-version', 2, 3],
  ])('%s', (_name, text, code, line, column) => {
    expect(refusal(text, 'x.json')).toEqual([expect.objectContaining({ code, file: 'x.json', line, column })]);
  });
});
