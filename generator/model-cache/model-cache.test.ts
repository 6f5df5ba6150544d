import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import type { Model } from '../model/types.ts';
import { CORPUS, corpusAvailable, CORPUS_SKIP_REASON, EXAMPLE_CSDL, PROJECT_ROOT } from '../testing/corpus.ts';
import { runCli } from '../testing/run-cli.ts';
import { BUILD_FOLDERS, computeCodeVersion } from './code-version.ts';
import { cacheKey, checksum, readEntry, writeEntry } from './model-cache.ts';
import { defaultCacheDir } from './default-dir.ts';

/**
 * The model cache gives back what a build gives (model and diagnostics), and an entry that is
 * missing, stale, corrupted or foreign is rebuilt, never used. Each case is told apart by a
 * marker only a used entry could carry.
 */
const CSDL = (label: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="test.cache" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="item">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="${label}" Type="test.cache.missing"/>
      </EntityType>
      <EntityContainer Name="service">
        <EntitySet Name="items" EntityType="test.cache.item"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

let folder: string;
let csdl: string;
let cache: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'odatakit-cache-'));
  csdl = path.join(folder, 'service.xml');
  cache = path.join(folder, 'cache');
  writeFileSync(csdl, CSDL('label'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

const entries = () => (existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.json')) : []);
const entryFile = () => path.join(cache, entries()[0]!);
const key = () => cacheKey([{ file: csdl, text: readFileSync(csdl, 'utf8') }]);
const properties = (model: Model) => (model.types['test.cache.item'] as { properties: { name: string }[] }).properties.map((property) => property.name);

/** An entry for the current input whose model says "marker": only a used entry returns it. */
function plantMarker(): void {
  const built = loadModel({ csdl: [csdl] });
  const model = structuredClone(built.model);
  const item = model.types['test.cache.item'] as { properties: { name: string }[] };
  item.properties = [{ ...item.properties[0]!, name: 'marker' }];
  writeEntry(cache, path.join(cache, `${key()}.json`), key(), { diagnostics: [], model });
}

describe('model cache', () => {
  it('a miss builds and writes an entry; a hit gives the same model and diagnostics', () => {
    const uncached = loadModel({ csdl: [csdl] });
    const first = loadModel({ csdl: [csdl], cache });
    expect(entries()).toHaveLength(1);
    const second = loadModel({ csdl: [csdl], cache });
    expect(second.model).toEqual(uncached.model);
    expect(second.diagnostics.sorted()).toEqual(uncached.diagnostics.sorted());
    expect(first.diagnostics.sorted()).toEqual(uncached.diagnostics.sorted());
    // The build's diagnostics are replayed: the one error of this input is there.
    expect(second.diagnostics.sorted().map((diagnostic) => diagnostic.code)).toEqual(['csdl/unresolved-type']);
  });

  it('a valid entry is used (a planted marker comes back)', () => {
    plantMarker();
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['marker']);
  });

  it('a stale entry (the input changed) is not used: the new input is built', () => {
    loadModel({ csdl: [csdl], cache });
    writeFileSync(csdl, CSDL('renamed'));
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['id', 'renamed']);
    expect(entries()).toHaveLength(2);
  });

  it('the same bytes under another file name are another entry (diagnostics name the file)', () => {
    loadModel({ csdl: [csdl], cache });
    const other = path.join(folder, 'other.xml');
    copyFileSync(csdl, other);
    const loaded = loadModel({ csdl: [other], cache });
    expect(loaded.diagnostics.sorted()[0]?.file).toBe(other);
  });

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ['truncated', (bytes) => bytes.subarray(0, bytes.length - 10)],
    ['one byte changed in the payload', (bytes) => Buffer.concat([bytes.subarray(0, -3), Buffer.from('X'), bytes.subarray(-2)])],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', () => Buffer.from('\u0000\u0001not a cache entry at all')],
    ['another format version', (bytes) => Buffer.from(bytes.toString('latin1').replace('odatakit-model-cache 3', 'odatakit-model-cache 9'), 'latin1')],
  ])('a corrupted entry (%s) is rebuilt and rewritten', (_name, corrupt) => {
    plantMarker();
    writeFileSync(entryFile(), corrupt(readFileSync(entryFile())));
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['id', 'label']);
    // Rewritten whole: the next process reads it.
    expect(readEntry(entryFile(), key())).toBeDefined();
  });

  it('a foreign entry (another key, or not an entry of ours) is not used', () => {
    plantMarker();
    const planted = readFileSync(entryFile());
    writeFileSync(csdl, CSDL('changed'));
    // The marker entry copied under the new key's name: its header names the old key.
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, `${key()}.json`), planted);
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['id', 'changed']);
    // Well-formed JSON that is not an entry, with a correct header, is refused too.
    const payload = Buffer.from(JSON.stringify({ model: 'not a model', diagnostics: [] }));
    const header = `odatakit-model-cache 3 ${key()} ${checksum(payload)} ${payload.length}\n`;
    writeFileSync(path.join(cache, `${key()}.json`), Buffer.concat([Buffer.from(header), payload]));
    expect(readEntry(path.join(cache, `${key()}.json`), key())).toBeUndefined();
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['id', 'changed']);
  });

  it.each<[string, (payload: { model: { operations: Record<string, unknown>[] }; shared: { objects: unknown[]; lists: unknown[][]; paths: unknown[] } }) => void]>([
    ['an operation naming a list that is not there', (payload) => void (payload.model.operations[0]!.segments = payload.shared.lists.length)],
    ['an operation naming a list by a name, not an index', (payload) => void (payload.model.operations[0]!.segments = 'length')],
    ['an operation naming an object that is not there', (payload) => void (payload.model.operations[0]!.target = payload.shared.objects.length)],
    ['an operation naming a list where an object goes', (payload) => void (payload.model.operations[0]!.target = payload.shared.objects.push([]) - 1)],
    ['a list naming an object that is not there', (payload) => void payload.shared.lists[0]!.push(payload.shared.objects.length)],
    ['a list naming an object by a name, not an index', (payload) => void payload.shared.lists[0]!.push('__proto__')],
    ['no table of shared parts', (payload) => void delete (payload as { shared?: unknown }).shared],
    ['an operation naming a path that is not there', (payload) => void (payload.model.operations[0]!.path = payload.shared.paths.length)],
    ['an operation with its path written out, not named', (payload) => void (payload.model.operations[0]!.path = payload.shared.paths[0])],
    ['a path table holding something else than paths', (payload) => void (payload.shared.paths[0] = 7)],
    ['no path table', (payload) => void delete (payload.shared as { paths?: unknown }).paths],
    ['an id that is neither written out nor 0', (payload) => void (payload.model.operations[0]!.id = 1)],
  ])('an entry whose table of shared parts does not fit its operations (%s) is not used', (_name, corrupt) => {
    loadModel({ csdl: [EXAMPLE_CSDL], cache });
    const file = entryFile();
    const text = readFileSync(file, 'latin1');
    const [magic, version, entryKey] = text.slice(0, text.indexOf('\n')).split(' ');
    const payload = JSON.parse(text.slice(text.indexOf('\n') + 1));
    expect(payload.model.operations.length).toBeGreaterThan(0);
    const rewrite = () => {
      const bytes = Buffer.from(JSON.stringify(payload), 'latin1');
      writeFileSync(file, `${magic} ${version} ${entryKey} ${checksum(bytes)} ${bytes.length}\n${bytes.toString('latin1')}`, 'latin1');
    };
    // Rewritten untouched, the entry is used: only the corruption below makes it refused.
    rewrite();
    expect(readEntry(file, entryKey!)).toBeDefined();
    corrupt(payload);
    rewrite();
    expect(readEntry(file, entryKey!)).toBeUndefined();
  });

  it('text beyond ASCII comes back as it was (the entry is written as ASCII JSON)', () => {
    const built = loadModel({ csdl: [csdl] });
    const model = structuredClone(built.model);
    (model.schemas[0] as { alias?: string }).alias = 'é ß 中文 😀 \u2028';
    const file = path.join(cache, `${key()}.json`);
    writeEntry(cache, file, key(), { diagnostics: [], model });
    expect(readEntry(file, key())?.model).toEqual(model);
    expect(readFileSync(file).every((byte) => byte < 128)).toBe(true);
  });

  it('an operation id that is not `METHOD path` is kept as written; the others are derived from the path', () => {
    const model = structuredClone(loadModel({ csdl: [EXAMPLE_CSDL] }).model);
    expect(model.operations.every((operation) => operation.id === `${operation.method} ${operation.path}`)).toBe(true);
    model.operations[0]!.id = 'an id of its own';
    const file = path.join(cache, `${key()}.json`);
    writeEntry(cache, file, key(), { diagnostics: [], model });
    const payload = JSON.parse(readFileSync(file, 'latin1').split('\n')[1]!);
    expect(payload.model.operations.map((operation: { id: unknown }) => operation.id).slice(0, 2)).toEqual(['an id of its own', 0]);
    expect(readEntry(file, key())?.model).toEqual(model);
  });

  it('an unwritable cache folder costs nothing but the cache', () => {
    writeFileSync(cache, 'a file where the folder should be');
    expect(properties(loadModel({ csdl: [csdl], cache }).model)).toEqual(['id', 'label']);
  });

  it('malformed XML leaves no entry', () => {
    writeFileSync(csdl, '<edmx:Edmx');
    expect(() => loadModel({ csdl: [csdl], cache })).toThrow();
    expect(entries()).toEqual([]);
  });

  it('keeps the 8 most recently used entries', () => {
    for (let index = 0; index < 10; index++) {
      writeFileSync(csdl, CSDL(`p${index}`));
      loadModel({ csdl: [csdl], cache });
    }
    expect(entries()).toHaveLength(8);
  });
});

/** The shared parts of each operation, as the index of the first use of the same object (-1: absent). */
function sharing(model: Model): number[][] {
  const ids = new Map<object, number>();
  const id = (value: object | undefined) => (value === undefined ? -1 : (ids.get(value) ?? ids.set(value, ids.size).get(value)!));
  return model.operations.map((operation) => [
    id(operation.segments), ...operation.segments.map(id),
    id(operation.sources), ...operation.sources.map(id),
    id(operation.target), id(operation.response), id(operation.requestBody),
  ]);
}

/** OData V2 documents are refused before any model is built. */
const isV4 = (file: string) => !readFileSync(file, 'utf8').includes('schemas.microsoft.com/ado/2007/06/edmx');

describe('entries are JSON', () => {
  // JSON keeps what the model holds only if the model is plain data: no undefined member, no
  // NaN, no Map, no class instance. Checked on real schemas of every shape.
  const others = corpusAvailable ? readdirSync(path.join(CORPUS, 'csdl-other')).filter((name) => name.endsWith('.xml')).map((name) => path.join(CORPUS, 'csdl-other', name)).filter(isV4) : [];
  it.each([EXAMPLE_CSDL, ...others])(`the model of %s survives a JSON round trip exactly${CORPUS_SKIP_REASON}`, (file) => {
    const { model, diagnostics } = loadModel({ csdl: [file] });
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(model)), model)).toBe(true);
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(diagnostics.items)), diagnostics.items)).toBe(true);
  });

  it.each([EXAMPLE_CSDL, ...others])(`the model of %s comes back from an entry exactly, sharing its parts as the build does${CORPUS_SKIP_REASON}`, (file) => {
    const { model, diagnostics } = loadModel({ csdl: [file] });
    const entry = path.join(cache, `${'0'.repeat(64)}.json`);
    writeEntry(cache, entry, '0'.repeat(64), { diagnostics: diagnostics.items, model });
    const read = readEntry(entry, '0'.repeat(64))!;
    expect(JSON.stringify(read.model)).toBe(JSON.stringify(model));
    expect(JSON.stringify(read.diagnostics)).toBe(JSON.stringify(diagnostics.items));
    expect(isDeepStrictEqual(read.model, model)).toBe(true);
    // Which lists and objects are one object: the same pattern, never more sharing than built.
    expect(sharing(read.model)).toEqual(sharing(model));
    if (file === EXAMPLE_CSDL) expect(new Set(sharing(model).flat()).size).toBeLessThan(sharing(model).flat().length);
  });
});

describe('what entries are keyed by', () => {
  it('the code version changes when any code file of the generator changes, not when a test does', () => {
    const root = path.join(folder, 'package');
    mkdirSync(path.join(root, 'generator/model'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'odatakit', version: '1.0.0' }));
    writeFileSync(path.join(root, 'generator/model/build.ts'), 'export const a = 1;');
    const generator = path.join(root, 'generator');
    const first = computeCodeVersion(generator);
    writeFileSync(path.join(root, 'generator/model/build.test.ts'), 'test');
    expect(computeCodeVersion(generator)).toBe(first);
    writeFileSync(path.join(root, 'generator/model/build.ts'), 'export const a = 2;');
    const second = computeCodeVersion(generator);
    expect(second).not.toBe(first);
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'odatakit', version: '1.0.1' }));
    expect(computeCodeVersion(generator)).not.toBe(second);
  });

  it('everything the model build imports lies in the folders the code version hashes', () => {
    const imports = (file: string) => {
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm)].map((match) =>
        path.relative(PROJECT_ROOT, path.resolve(path.dirname(path.join(PROJECT_ROOT, file)), (match[1] ?? match[2])!)),
      );
    };
    const seen = new Set<string>();
    const queue = ['generator/model/build/build-model.ts', 'generator/model-cache/model-cache.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !existsSync(path.join(PROJECT_ROOT, file))) continue;
      seen.add(file);
      queue.push(...imports(file));
    }
    expect(seen.size).toBeGreaterThan(20);
    const outside = [...seen].filter((file) => !BUILD_FOLDERS.some((folder) => file.startsWith(`generator/${folder}/`)));
    expect(outside).toEqual([]);
  });

  it('the default folder is node_modules/.cache/odatakit of a project, and none outside one', () => {
    expect(defaultCacheDir(folder)).toBeUndefined();
    mkdirSync(path.join(folder, 'node_modules'));
    expect(defaultCacheDir(folder)).toBe(path.join(folder, 'node_modules', '.cache', 'odatakit'));
  });
});

describe('the CLI', () => {
  it('caches in node_modules/.cache/odatakit by default, reads it with --cache <dir>, leaves it alone with --no-cache', () => {
    const args = ['inspect', '--csdl', csdl, '--format', 'json'];
    mkdirSync(path.join(folder, 'node_modules'));
    const built = runCli([...args, '--no-cache'], { cwd: folder });
    expect(existsSync(path.join(folder, 'node_modules/.cache'))).toBe(false);
    runCli(args, { cwd: folder });
    const entriesWritten = readdirSync(path.join(folder, 'node_modules/.cache/odatakit'));
    expect(entriesWritten).toHaveLength(1);
    const hit = runCli([...args, '--cache', 'node_modules/.cache/odatakit'], { cwd: folder });
    expect(hit.status).toBe(built.status);
    expect(hit.stdout).toBe(built.stdout);
    expect(hit.stderr).toBe(built.stderr);
  });
});
