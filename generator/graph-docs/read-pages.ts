/**
 * Reads Graph pages from files and folders. Folders are read recursively (`*.md`). From a
 * file given explicitly, relative links to other pages are followed: all roles from the
 * given file (its methods, related types), and from every page reached, the type links that
 * make up its shape (property types, base types), transitively. That reads the type closure
 * a resource needs without walking the whole docs repository along its relationships.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parsePage } from './parse-page.ts';
import type { DocLink, DocPage } from './types.ts';

export interface ReadPagesOptions {
  /** Follow links from explicitly given files (default true). */
  followLinks?: boolean;
  /** Report followed links whose page is not on disk (default false: partial checkouts are common). */
  reportBrokenLinks?: boolean;
}

const SHAPE_ROLES = new Set<DocLink['role']>(['property-type', 'base-type']);

interface Pending {
  file: string;
  /** Which links of the page to follow. */
  follow: 'all' | 'shape' | 'none';
}

export function readDocPages(inputs: string[], diagnostics: DiagnosticCollector, options: ReadPagesOptions = {}): DocPage[] {
  const queue: Pending[] = [];
  for (const input of inputs) queue.push(...expandInput(input, options.followLinks !== false, diagnostics));
  const pages = new Map<string, DocPage>();
  while (queue.length) {
    const { file, follow } = queue.shift()!;
    const key = path.resolve(file);
    if (pages.has(key)) continue;
    const page = readPage(file, diagnostics);
    if (!page) continue;
    pages.set(key, page);
    if (follow === 'none') continue;
    for (const link of page.links) {
      if (follow === 'shape' && !SHAPE_ROLES.has(link.role)) continue;
      const target = resolveLink(file, link.url);
      if (target === undefined) continue;
      const found = findCaseInsensitive(target);
      if (found) queue.push({ file: found, follow: 'shape' });
      else if (options.reportBrokenLinks) diagnostics.report('docs/broken-link', link.source, { target: link.url });
    }
  }
  return [...pages.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function expandInput(input: string, followLinks: boolean, diagnostics: DiagnosticCollector): Pending[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(input).isDirectory();
  } catch (error) {
    diagnostics.report('input/not-found', { file: input, line: 1, column: 1 }, { path: input, reason: reason(error) });
    return [];
  }
  if (isDirectory) return listMarkdown(input, diagnostics).map((file) => ({ file, follow: 'none' as const }));
  if (!input.toLowerCase().endsWith('.md')) {
    diagnostics.report('input/unsupported', { file: input, line: 1, column: 1 }, { path: input });
    return [];
  }
  return [{ file: input, follow: followLinks ? 'all' : 'none' }];
}

function listMarkdown(folder: string, diagnostics: DiagnosticCollector): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    diagnostics.report('input/not-found', { file: folder, line: 1, column: 1 }, { path: folder, reason: reason(error) });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listMarkdown(full, diagnostics));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push(full);
  }
  return files;
}

function readPage(file: string, diagnostics: DiagnosticCollector): DocPage | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    diagnostics.report('input/not-found', { file, line: 1, column: 1 }, { path: file, reason: reason(error) });
    return undefined;
  }
  return parsePage(file, text, diagnostics);
}

/** A relative link to a markdown page, resolved against the linking file; site-absolute and external links are not pages on disk. */
export function resolveLink(fromFile: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) return undefined;
  const target = url.replace(/[?#].*$/, '');
  if (!target.toLowerCase().endsWith('.md')) return undefined;
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray `%` is kept as written.
  }
  return path.normalize(path.join(path.dirname(fromFile), decoded));
}

/** Docs links often differ in case from the file name (the docs site is case-insensitive). */
function findCaseInsensitive(file: string): string | undefined {
  if (existsSync(file)) return file;
  const folder = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return undefined;
  }
  const wanted = path.basename(file).toLowerCase();
  const match = names.filter((name) => name.toLowerCase() === wanted).sort()[0];
  return match === undefined ? undefined : path.join(folder, match);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
