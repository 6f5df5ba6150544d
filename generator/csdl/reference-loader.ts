import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { CsdlSource, ReferenceLoader } from './references.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** What fetching found: the documents by URL, and why the others were not fetched. */
export interface FetchedDocuments {
  documents: Map<string, CsdlSource>;
  skipped: Map<string, string>;
}

export function noFetchedDocuments(): FetchedDocuments {
  return { documents: new Map(), skipped: new Map() };
}

/**
 * References from a file are read from files beside it: a relative URI resolves against the
 * document's folder and must stay inside it (a schema is untrusted and may not make us read
 * elsewhere). References from a fetched document resolve against its URL and come from
 * what `fetchCsdl` fetched. An absolute URL in a local file is not fetched: the diagnostic
 * says to pass it with --csdl.
 */
export function referenceLoader(fetched: FetchedDocuments = noFetchedDocuments()): ReferenceLoader & { key(file: string): string } {
  return {
    key: (file) => (isUrl(file) ? file : resolve(file)),
    load(uri, from) {
      if (isUrl(from) || isUrl(uri)) {
        let url: string;
        try {
          url = new URL(uri, isUrl(from) ? from : undefined).href;
        } catch {
          return { unavailable: `"${uri}" is not a URL` };
        }
        const document = fetched.documents.get(url);
        if (document) return document;
        return { unavailable: fetched.skipped.get(url) ?? (isUrl(from) ? 'it was not fetched' : 'it is a URL, and references of a local file are only read from files beside it') };
      }
      if (SCHEME.test(uri)) return { unavailable: `"${uri}" is neither a relative path nor an http(s) URL` };
      return readBeside(uri, from);
    },
  };
}

function readBeside(uri: string, from: string): CsdlSource | { unavailable: string } {
  const folder = dirname(resolve(from));
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(uri.split(/[?#]/)[0]!);
  } catch {
    return { unavailable: `"${uri}" is not a valid relative URI` };
  }
  const path = resolve(folder, relativePath);
  if (!path.startsWith(folder + sep)) return { unavailable: `${path} is outside the folder of ${from}, and is not read` };
  if (!existsSync(path) || !statSync(path).isFile()) return { unavailable: `there is no file ${path}` };
  return { file: path, text: readFileSync(path, 'utf8') };
}
