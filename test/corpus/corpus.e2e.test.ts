import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS_FILE } from '../../generator/emit/handlers/index.ts';
import { loadModel } from '../../generator/load-model.ts';
import { CORPUS, CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL, GRAPH_CSDL_OLD, PROJECT_ROOT } from '../../generator/testing/corpus.ts';
import { conformanceConsumerOptions, typeCheckFolder } from '../../generator/testing/typecheck.ts';

/**
 * Pins of the real corpus (../shared/corpus, see its README): each `$metadata` gets the exit
 * code it deserves from `inspect` and `generate`, exactly the diagnostics it deserves (each
 * one true of the file), and the generated output of every file that generates type-checks,
 * all of it in one compiler run. Graph is generated and type-checked by
 * generator/emit/generate.e2e.test.ts; here only its diagnostics are pinned.
 */
const OTHER = join(CORPUS, 'csdl-other');
const FIXTURES = join(PROJECT_ROOT, 'test/corpus/__fixtures__');

interface Pin {
  file: string;
  exit: 0 | 1 | 2;
  /** `line code` of every diagnostic, in order. */
  diagnostics: string[];
}

const PINS: Pin[] = [
  // Edm.Single keys (Invoice/Discount): CSDL allows no Single in a key, but the service works; warn, still generate.
  { file: 'northwind-v4.xml', exit: 0, diagnostics: ['284 csdl/key-type', '302 csdl/key-type'] },
  { file: 'odata-wcf-service.xml', exit: 0, diagnostics: [] },
  // Annotation targets through the container, navigation and a type cast (Container/People/BestFriend/...Manager).
  { file: 'trippin.xml', exit: 0, diagnostics: [] },
  { file: 'oasis-core-vocab.xml', exit: 0, diagnostics: [] },
  { file: 'oasis-authorization-vocab.xml', exit: 0, diagnostics: [] },
  // Its types come from Core and Authorization, known without their files.
  { file: 'oasis-capabilities-vocab.xml', exit: 0, diagnostics: [] },
  // OData V2 namespaces (under Version="4.0" in the first): refused, one message (decision 0007).
  { file: 'sap-cloudsdk-api-test-srv.xml', exit: 2, diagnostics: ['2 csdl/unsupported-version'] },
  { file: 'sap-cloudsdk-v2-multiple-schemas.xml', exit: 2, diagnostics: ['2 csdl/unsupported-version'] },
];

/** Our own fixtures that generate too: every built-in type, and a CAP service with optional parameters. */
const FIXTURE_FILES = [join(FIXTURES, 'built-in-types.xml'), join(PROJECT_ROOT, 'generator/model/build/__fixtures__/cap-optional-parameter.xml')];

interface Run {
  status: number | null;
  stderr: string;
}

/** The CLI in a child process, from an empty folder (so no odatakit.config.json applies). */
function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/odatakit-dev.mjs'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ODATAKIT_DEBUG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/**
 * The CLI's entry (what bin/odatakit.mjs runs) in this process, from `cwd`, its stderr kept and
 * its stdout dropped: the same code as a child process without a Node start per run (the corpus
 * has a dozen files, each run twice). One case below runs the real child process too.
 */
async function cliHere(args: string[], cwd: string): Promise<Run> {
  const { main } = await import('../../generator/cli/main.ts');
  const previous = process.cwd();
  const [stderrWrite, stdoutWrite] = [process.stderr.write, process.stdout.write];
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.exitCode = undefined;
  process.chdir(cwd);
  try {
    return { status: await main(args), stderr };
  } finally {
    process.chdir(previous);
    process.exitCode = undefined;
    [process.stderr.write, process.stdout.write] = [stderrWrite, stdoutWrite];
  }
}

/** `line code` of each `file:line:col severity code message` line. */
function diagnosticLines(stderr: string): string[] {
  return [...stderr.matchAll(/^.+?:(\d+):\d+ (?:error|warning|info) (\S+) /gm)].map((match) => `${match[1]} ${match[2]}`);
}

describe.skipIf(!corpusAvailable)(`the csdl-other corpus and our fixtures through the CLI${CORPUS_SKIP_REASON}`, () => {
  let root: string;
  const inspected = new Map<string, Run>();
  const generated = new Map<string, Run>();
  let twoServices: Run;
  const outOf = (file: string) => join(root, 'out', basename(file, '.xml'));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'odatakit-corpus-'));
    const files = [...PINS.map((pin) => join(OTHER, pin.file)), ...FIXTURE_FILES];
    const child = cli(['generate', '--csdl', join(OTHER, 'trippin.xml'), '--csdl', join(OTHER, 'northwind-v4.xml'), '--out', join(root, 'two')], root);
    for (const file of files) {
      if (!FIXTURE_FILES.includes(file)) inspected.set(file, await cliHere(['inspect', '--csdl', file], root));
      generated.set(file, await cliHere(['generate', '--csdl', file, '--out', outOf(file)], root));
    }
    twoServices = await child;
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(PINS)('inspect $file: exit $exit, exactly its diagnostics', ({ file, exit, diagnostics }) => {
    const run = inspected.get(join(OTHER, file))!;
    expect(diagnosticLines(run.stderr), run.stderr).toEqual(diagnostics);
    expect(run.status, run.stderr).toBe(exit);
  });

  it.each(PINS)('generate $file: exit $exit, output only when usable', ({ file, exit, diagnostics }) => {
    const path = join(OTHER, file);
    const run = generated.get(path)!;
    expect(run.status, run.stderr).toBe(exit);
    expect(diagnosticLines(run.stderr).filter((line) => !line.endsWith(' generate/input-errors'))).toEqual(diagnostics);
    expect(existsSync(outOf(path))).toBe(exit === 0);
  });

  it.each(FIXTURE_FILES.map((file) => [basename(file)]))('%s generates with nothing to report', (name) => {
    const run = generated.get(FIXTURE_FILES.find((item) => basename(item) === name)!)!;
    expect(diagnosticLines(run.stderr), run.stderr).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('refuses two services in one run, once, and writes nothing (the real child process)', () => {
    expect(diagnosticLines(twoServices.stderr)).toEqual(['408 csdl/several-services', '1 generate/input-errors']);
    expect(twoServices.status).toBe(2);
    expect(existsSync(join(root, 'two'))).toBe(false);
  });

  it('writes output that type-checks under the strictest flags, all of it in one run', () => {
    const out = join(root, 'out');
    const folders = readdirSync(out);
    expect(folders.sort()).toEqual(
      [...PINS.filter((pin) => pin.exit === 0).map((pin) => pin.file), ...FIXTURE_FILES.map((file) => basename(file))].map((file) => basename(file, '.xml')).sort(),
    );
    const files = folders.flatMap((folder) =>
      readdirSync(join(out, folder), { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join(folder, file)),
    );
    const handlers = files.filter((file) => basename(file) === HANDLERS_FILE);
    expect(handlers).toHaveLength(folders.length);
    expect(typeCheckFolder(out, files.filter((file) => !handlers.includes(file)))).toEqual([]);
    expect(typeCheckFolder(out, handlers, conformanceConsumerOptions())).toEqual([]);
  }, 120_000);
});

/** Graph: `line code` of the diagnostics of the real files, each one true (see the comments). */
describe.skipIf(!corpusAvailable)(`Graph's diagnostics${CORPUS_SKIP_REASON}`, () => {
  const pin = (file: string) =>
    loadModel({ csdl: [file] })
      .diagnostics.sorted()
      .map((d) => `${d.line} ${d.code}${d.code === 'csdl/unresolved-annotation-target' ? ` ${d.message.split(' ')[2]}` : ''}`);

  it('graph-v1.0.xml: empty enums, one name for a type and a function, six annotations of elements Graph removed; no overload reported', () => {
    expect(pin(GRAPH_CSDL)).toEqual([
      '465 csdl/empty-enum',
      '466 csdl/empty-enum',
      '28921 csdl/name-clash',
      '28925 csdl/name-clash',
      '28930 csdl/name-clash',
      '28936 csdl/name-clash',
      '29935 csdl/unresolved-annotation-target microsoft.graph.user/joinedGroups',
      '29961 csdl/unresolved-annotation-target microsoft.graph.list/activities',
      '30007 csdl/unresolved-annotation-target microsoft.graph.publishedResource/agentGroups',
      '30023 csdl/unresolved-annotation-target microsoft.graph.entitlementManagement/accessPackageAssignmentPolicies',
      '30161 csdl/unresolved-annotation-target microsoft.graph.directorySetting',
      '30255 csdl/unresolved-annotation-target microsoft.graph.servicePrincipal/claimsPolicy',
    ]);
  });

  it('graph-v1.0-2026-01-06.xml: the same kinds, at its own lines', () => {
    expect(pin(GRAPH_CSDL_OLD)).toEqual([
      '415 csdl/empty-enum',
      '416 csdl/empty-enum',
      '27400 csdl/name-clash',
      '27404 csdl/name-clash',
      '27409 csdl/name-clash',
      '27415 csdl/name-clash',
      '28404 csdl/unresolved-annotation-target microsoft.graph.user/joinedGroups',
      '28430 csdl/unresolved-annotation-target microsoft.graph.list/activities',
      '28476 csdl/unresolved-annotation-target microsoft.graph.publishedResource/agentGroups',
      '28492 csdl/unresolved-annotation-target microsoft.graph.entitlementManagement/accessPackageAssignmentPolicies',
      '28630 csdl/unresolved-annotation-target microsoft.graph.directorySetting',
      '28724 csdl/unresolved-annotation-target microsoft.graph.servicePrincipal/claimsPolicy',
    ]);
  });
});
