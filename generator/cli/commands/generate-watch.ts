import { watch } from 'chokidar';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserInputError } from '../../diagnostics/user-error.ts';
import type { GenerateOptions } from '../../emit/generate.ts';
import { CONFIG_FILE } from '../config.ts';
import { printDiagnostics } from '../print-diagnostics.ts';

/** Changes closer together than this make one regeneration (editors write in bursts). */
const DEBOUNCE_MS = 150;

export interface WatchHandle {
  /** Resolves once the watcher is ready and the first run is done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `generate` once, then again whenever an input (CSDL files, doc folders, the template
 * folder, the config file) changes. Each run writes only files whose content changed (the
 * plan skips the rest). A run that fails on bad input reports it and keeps watching.
 * Resolves when the process is interrupted (SIGINT/SIGTERM) or the handle is closed.
 */
export function watchGenerate(options: GenerateOptions, run: () => number): Promise<void> {
  const handle = startWatch(options, run);
  return new Promise((done) => {
    const stop = () => void handle.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function startWatch(options: GenerateOptions, run: () => number, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): WatchHandle {
  const cwd = options.cwd ?? process.cwd();
  const config = resolve(cwd, CONFIG_FILE);
  const paths = [
    ...[...options.csdl, ...options.docs, ...(options.templates !== undefined ? [options.templates] : [])].map((path) => resolve(cwd, path)),
    ...(existsSync(config) ? [config] : []),
  ];
  const safeRun = () => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      printDiagnostics(error.diagnostics);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(paths, { ignoreInitial: true, awaitWriteFinish: false });
  watcher.on('all', (_event, path) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      log(`odatakit: ${path} changed, regenerating`);
      safeRun();
    }, DEBOUNCE_MS);
  });
  const ready = new Promise<void>((done) => watcher.once('ready', () => done())).then(() => {
    safeRun();
    log('odatakit: watching for changes (Ctrl+C to stop)');
  });
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
