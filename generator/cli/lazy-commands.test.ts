import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/corpus.ts';

/**
 * `odatakit --help` loads the command registrations and nothing else: each command's work (the
 * parsers, the emitters, the diff, the docs checks, the conformance kit, ts-morph) is imported
 * by its action, when it runs. Checked on the import graph of the sources; the CLI bundle keeps
 * each `import()` as a split point (bin/build-cli.mjs; test/package checks the bundle's entry,
 * bench/cli.bench.ts measures what it costs).
 */
interface Imports {
  /** Relative modules (project paths) and packages, imported statically (`import type` aside). */
  static: string[];
  /** Likewise for `await import('...')`. */
  dynamic: string[];
}

function importsOf(file: string): Imports {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const target = (specifier: string) => (specifier.startsWith('.') ? relative(PROJECT_ROOT, resolve(dirname(join(PROJECT_ROOT, file)), specifier)) : specifier);
  const statics = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((match) => target(match[1]!));
  const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => target(match[1]!));
  return { static: statics, dynamic: dynamics };
}

/** Every module reachable from `entry`: through static imports only, or through dynamic ones too. */
function reachable(entry: string, followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts') || !existsSync(join(PROJECT_ROOT, file))) continue;
    const imports = importsOf(file);
    queue.push(...imports.static, ...(followDynamic ? imports.dynamic : []));
  }
  return seen;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const COMMAND_FILES = ['inspect', 'generate', 'diff', 'validate-docs', 'conformance'].map((name) => `generator/cli/commands/${name}.ts`);

describe('the CLI loads each command lazily', () => {
  const atStart = reachable('generator/cli/main.ts', false);

  it('registers every command without loading what the commands run', () => {
    for (const file of COMMAND_FILES) expect(atStart.has(file), file).toBe(true);
    const heavy = [...atStart].filter(
      (file) =>
        /^generator\/(load-model|emit\/|csdl\/|graph-docs\/|model\/build\/|diff\/diff-models|validate-docs\/validate-docs|runtime\/)/.test(file) ||
        file.startsWith('conformance/'),
    );
    expect(heavy).toEqual([]);
  });

  it('needs only commander and picocolors (and Node) to print --help', () => {
    const packages = new Set([...atStart].filter((file) => !file.startsWith('generator/') && !file.startsWith('node:')).map(packageName));
    expect([...packages].sort()).toEqual(['commander', 'picocolors']);
  });

  it('loads ts-morph only for the command that uses it (diff --impact)', () => {
    for (const file of COMMAND_FILES.filter((name) => !name.endsWith('/diff.ts'))) {
      expect([...reachable(file, true)].filter((module) => packageName(module) === 'ts-morph'), file).toEqual([]);
    }
  });

  it('sees the work each command does, once it runs (the scan follows dynamic imports)', () => {
    expect(reachable('generator/cli/commands/generate.ts', true).has('generator/emit/generate.ts')).toBe(true);
    expect(reachable('generator/cli/commands/conformance.ts', true).has('conformance/index.ts')).toBe(true);
    expect(reachable('generator/cli/commands/inspect.ts', true).has('fast-xml-parser')).toBe(true);
  });
});
