/**
 * A page under `v1.0/` documents the v1.0 endpoint; its examples should call
 * `https://graph.microsoft.com/v1.0`, and beta pages the beta endpoint. The version is read
 * from the page's folder, so pages outside a `v1.0` or `beta` folder are not checked.
 */
import path from 'node:path';
import type { DocHttpRequest, DocPage } from '../graph-docs/types.ts';
import type { CheckContext } from './context.ts';

const VERSIONS = ['v1.0', 'beta'];

export function checkServiceRoot(page: DocPage, http: DocHttpRequest, context: CheckContext): void {
  const version = pageVersion(page.file);
  const root = http.serviceRoot;
  if (version === undefined || root === undefined) return;
  const used = /\/(v1\.0|beta)$/i.exec(root)?.[1]?.toLowerCase();
  if (used !== undefined && used !== version) context.findings.report('validate/service-root', http.source, { root, version });
}

function pageVersion(file: string): string | undefined {
  const folders = path.resolve(file).split(path.sep).map((part) => part.toLowerCase());
  return [...folders].reverse().find((part) => VERSIONS.includes(part));
}
