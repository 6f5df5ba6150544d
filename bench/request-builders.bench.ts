import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { RAW_EMITTER_OPTIONS, STRICT_OPTIONS } from '../generator/testing/typecheck.ts';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import ts from 'typescript';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import type { OutputFile } from '../generator/emit/emitter.ts';
import { CLIENT_FILE, emitClient, requestBuildersEmitter, ROUTES_FILE, RUNTIME_OUTPUT } from '../generator/emit/request-builders/index.ts';
import { createTemplateRenderer } from '../generator/emit/templates.ts';
import { tsTypesEmitter, TYPES_FILE } from '../generator/emit/ts-types/index.ts';
import { loadModel } from '../generator/load-model.ts';
import type { Model } from '../generator/model/types.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';

/**
 * The request builders for all of Graph v1.0: time to emit them beside building the model
 * (interleaved rounds in one warm process), their size (TypeScript emitted; the JavaScript an
 * application ships, minified and gzipped, runtime and route table), and the time `tsc`
 * takes to type-check them beside the types they import.
 */
const ROUNDS = 5;

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`request-builders.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const builds: number[] = [];
  const emits: number[] = [];
  let model: Model | undefined;
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    model = loadModel({ csdl: [GRAPH_CSDL] }).model;
    const built = performance.now();
    emitClient(contextOf(model));
    const done = performance.now();
    if (round === 0) continue;
    builds.push(built - start);
    emits.push(done - built);
  }
  const baseline = { name: 'build the model', ms: middle(builds) };
  const files = [...tsTypesEmitter.emit(contextOf(model!)), ...requestBuildersEmitter.emit(contextOf(model!))];
  const dir = writeTemp(files);
  try {
    const shipped = await shippedSize(dir);
    // Interleaved, best of three each: the first program pays for warming the compiler up.
    const typesOnly = best(() => typeCheckTime(dir, [TYPES_FILE]), () => typeCheckTime(dir, [TYPES_FILE, CLIENT_FILE]));
    const withBuilders = typesOnly.other;
    const bytes = (path: string): number => Buffer.byteLength(files.find((file) => file.path === path)!.content);
    const runtimeTs = files.filter((file) => file.path.startsWith(`${RUNTIME_OUTPUT}/`)).reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    const results: BenchResult[] = [
      {
        name: `emit request builders, Graph v1.0 (${model!.operations.length} operations)`,
        ms: middle(emits),
        baseline,
        notes: `${CLIENT_FILE} ${kb(bytes(CLIENT_FILE))}, ${ROUTES_FILE} ${kb(bytes(ROUTES_FILE))}, runtime ${kb(runtimeTs)} of .ts`,
      },
      {
        name: 'ship request builders (esbuild --minify, runtime + routes)',
        ms: shipped.ms,
        notes: `runtime alone ${kb(shipped.runtime)} min / ${kb(shipped.runtimeGzip)} gz; with route table ${kb(shipped.client)} min / ${kb(shipped.clientGzip)} gz`,
      },
      {
        name: 'tsc --strict: types.gen.ts + client.gen.ts',
        ms: withBuilders.ms,
        baseline: { name: 'types.gen.ts alone', ms: typesOnly.ms },
        notes: `${withBuilders.errors} errors; check time ${(withBuilders.check / 1000).toFixed(1)} s vs ${(typesOnly.check / 1000).toFixed(1)} s`,
      },
    ];
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function contextOf(model: Model) {
  return { model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() };
}

function writeTemp(files: OutputFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'odatakit-bench-builders-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** What an application bundles: the runtime alone, then with the generated client (its types erase to the route table). */
async function shippedSize(dir: string): Promise<{ ms: number; runtime: number; runtimeGzip: number; client: number; clientGzip: number }> {
  const bundle = async (entry: string): Promise<Uint8Array> => {
    const result = await esbuild({ entryPoints: [join(dir, entry)], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
    return result.outputFiles[0]!.contents;
  };
  const start = performance.now();
  const runtime = await bundle(`${RUNTIME_OUTPUT}/index.ts`);
  const client = await bundle(CLIENT_FILE);
  const ms = performance.now() - start;
  return { ms, runtime: runtime.length, runtimeGzip: gzipSync(runtime).length, client: client.length, clientGzip: gzipSync(client).length };
}

/** One `tsc --noEmit --strict` of the files (a new program each time), in process, through the TypeScript API. */
function typeCheckTime(dir: string, roots: string[]): { ms: number; check: number; errors: number } {
  const start = performance.now();
  const program = ts.createProgram(roots.map((root) => join(dir, root)), { ...STRICT_OPTIONS, ...RAW_EMITTER_OPTIONS });
  const checkStart = performance.now();
  const errors = ts.getPreEmitDiagnostics(program).length;
  const end = performance.now();
  return { ms: end - start, check: end - checkStart, errors };
}

type CheckTime = ReturnType<typeof typeCheckTime>;

function best(first: () => CheckTime, second: () => CheckTime): CheckTime & { other: CheckTime } {
  const a: CheckTime[] = [];
  const b: CheckTime[] = [];
  for (let round = 0; round < 3; round++) {
    a.push(first());
    b.push(second());
  }
  const fastest = (times: CheckTime[]): CheckTime => times.reduce((x, y) => (y.ms < x.ms ? y : x));
  return { ...fastest(a), other: fastest(b) };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}


export default bench;
