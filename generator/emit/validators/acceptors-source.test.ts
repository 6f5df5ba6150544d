import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, random } from '../../runtime/validation/__fixtures__/random-values.ts';
import { validDog, ZOO } from '../../runtime/validation/__fixtures__/zoo.ts';
import { createEngine, type Acceptor, type Acceptors, type ValidateOptions, type ValidationMode } from '../../runtime/validation/index.ts';
import { RAW_EMITTER_OPTIONS, typeCheckFolder } from '../../testing/typecheck.ts';
import { createTemplateRenderer } from '../templates.ts';
import { acceptorsSource } from './acceptors-source.ts';
import { validationRuntimeFiles } from './runtime-files.ts';

/**
 * The acceptors promise to change nothing but speed: the engine with them reports exactly
 * what the table walk alone reports, for any value, type, mode and limits. Checked on the
 * zoo schema (every construct), with values near a valid dog (where acceptors say yes) and
 * random ones (where they mostly say no).
 */
const folder = mkdtempSync(join(tmpdir(), 'odatakit-acceptors-'));
let acceptors: Acceptors;
let source: string;
const accepted = new Map<string, number>();

beforeAll(async () => {
  const { lines, entries } = acceptorsSource(ZOO);
  source = createTemplateRenderer().render('validators/acceptors.hbs', { source: 'the zoo', lines, entries: entries.map(([name, fn]) => ({ name, fn })) });
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  for (const file of [{ path: 'acceptors.gen.ts', content: source }, ...validationRuntimeFiles()]) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.content);
  }
  const generated = ((await import(pathToFileURL(join(folder, 'acceptors.gen.ts')).href)) as { acceptors: Acceptors }).acceptors;
  // Counted, to prove the comparison below exercises acceptors that say yes.
  acceptors = new Map([...generated].map(([name, accept]): [string, Acceptor] => [name, (value, walk, depth) => {
    const yes = accept(value, walk, depth);
    if (yes) accepted.set(name, (accepted.get(name) ?? 0) + 1);
    return yes;
  }]));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TYPES = ['test.zoo.dog', 'test.zoo.cat', 'test.zoo.animal', 'test.zoo.keeper', 'test.zoo.address', 'test.zoo.usAddress', 'test.zoo.weird', 'Collection(test.zoo.dog)'];
const MODES: ValidationMode[] = ['read', 'create', 'update'];
const OPTIONS: ValidateOptions[] = [{}, { maxIssues: 1 }, { dynamicProperties: 'warning' }, { maxNodes: 6 }, { maxDepth: 1 }, { evolvableEnums: 'error' }, { collection: true }, { collection: true, maxIssues: 2 }];

/**
 * A dog without `@odata.type` and property annotations (they send an object to the table
 * walk); instance annotations (`@odata.etag`, `@custom.term`) stay.
 */
function plainDog(): Record<string, unknown> {
  const dog = validDog();
  for (const key of Object.keys(dog)) if (key === '@odata.type' || key.indexOf('@') > 0) delete dog[key];
  dog['mailing'] = null;
  // Flags combinations ('loud,fluffy') are left to the table walk.
  dog['traits'] = 'loud';
  dog['friends'] = [];
  dog['owner'] = { id: 'k1', favourite: 'dynamic' };
  return dog;
}

function nearlyValid(next: () => number): unknown {
  const dog = plainDog();
  const keys = Object.keys(dog);
  for (let changes = Math.floor(next() * 3); changes > 0; changes--) {
    const key = keys[Math.floor(next() * keys.length)]!;
    if (next() < 0.3) delete dog[key];
    else dog[key] = generate(next, 3);
  }
  if (next() < 0.2) dog['unknown'] = 1;
  if (next() < 0.2) dog[['@odata.count', '@odata.nextLink', '@odata.type', '@type', 'name@odata.type'][Math.floor(next() * 5)]!] = generate(next, 5);
  return next() < 0.3 ? [dog, plainDog(), null] : dog;
}

describe('generated acceptors', () => {
  it('type-check with the strictest flags', () => {
    expect(typeCheckFolder(folder, ['acceptors.gen.ts'], { ...RAW_EMITTER_OPTIONS, noUnusedLocals: true, skipLibCheck: false })).toEqual([]);
  });

  it('hold no schema text outside string literals, and nothing evaluated', () => {
    expect(source).not.toMatch(/\beval\b|new Function/);
    expect(source).toContain('case "__proto__":');
    expect(source).toContain('case "a/b~c":');
  });

  it('change no issue: the engine with them reports what the table walk reports', () => {
    const withAcceptors = createEngine(ZOO, { acceptors });
    const tableOnly = createEngine(ZOO);
    const next = random(20261204);
    for (let run = 0; run < 12000; run++) {
      const value = run % 3 === 0 ? generate(next, 0) : nearlyValid(next);
      const type = TYPES[run % TYPES.length]!;
      const mode = MODES[Math.floor(run / TYPES.length) % 3]!;
      const options = OPTIONS[run % OPTIONS.length]!;
      expect(withAcceptors.validate(type, value, mode, options), `${run} ${type} ${mode} ${JSON.stringify(options)}`).toEqual(tableOnly.validate(type, value, mode, options));
    }
    for (const type of ['test.zoo.dog', 'test.zoo.keeper', 'test.zoo.address']) expect(accepted.get(type) ?? 0, type).toBeGreaterThan(100);
  });

  it('change no issue on values that are not plain JSON', () => {
    const withAcceptors = createEngine(ZOO, { acceptors });
    const tableOnly = createEngine(ZOO);
    const throwing = { ...plainDog() };
    Object.defineProperty(throwing, 'name', { enumerable: true, get: () => { throw new Error('no name'); } });
    class Inherits { declare id: string; }
    (Inherits.prototype as unknown as Record<string, unknown>)['name'] = 5;
    const inherited = Object.assign(new Inherits(), { id: 'k1' });
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { id: 'k1' });
    const values: [string, unknown][] = [
      ['test.zoo.dog', throwing],
      ['test.zoo.keeper', inherited],
      ['test.zoo.dog', inherited],
      ['test.zoo.keeper', bare],
      ['test.zoo.keeper', [{ id: 'k1' }]],
      ['Collection(test.zoo.keeper)', [bare, inherited, throwing]],
    ];
    for (const [type, value] of values) {
      for (const mode of MODES) expect(withAcceptors.validate(type, value, mode), `${type} ${mode}`).toEqual(tableOnly.validate(type, value, mode));
    }
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted['polluted'] = 1;
    try {
      for (const [type, value] of [['test.zoo.keeper', { id: 'k1' }], ['test.zoo.dog', plainDog()]] as const) {
        for (const mode of MODES) expect(withAcceptors.validate(type, value, mode), `polluted ${type} ${mode}`).toEqual(tableOnly.validate(type, value, mode));
      }
    } finally {
      delete polluted['polluted'];
    }
  });

  it('settle a valid dog, instance annotations and all', () => {
    const engine = createEngine(ZOO, { acceptors });
    const before = accepted.get('test.zoo.dog') ?? 0;
    const dog = plainDog();
    expect(Object.keys(dog)).toContain('@odata.etag');
    expect(engine.validate('test.zoo.dog', dog, 'read')).toEqual([]);
    expect(accepted.get('test.zoo.dog')).toBe(before + 1);
  });
});
