import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { isStandardVocabularyReference } from '../vocabularies/index.ts';
import { isUrl, noFetchedDocuments, type FetchedDocuments } from './reference-loader.ts';
import { readReferences } from './references.ts';

export interface FetchOptions {
  /** Request headers (`--header 'Authorization: Bearer ...'`), sent to the origin of each given URL only. */
  headers?: Record<string, string>;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** $metadata is at most tens of MB (Graph's is 3.5 MB); more is refused rather than held in memory. */
const MAX_BYTES = 64 * 1024 * 1024;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Fetches CSDL documents by URL (`--csdl https://host/service/$metadata`) and, breadth first,
 * the documents their references point at on the same origin. References to other origins
 * are not fetched: the headers (credentials) are the user's for the service they named, and
 * a schema is untrusted; those are reported later, with how to pass them. http:// is taken
 * only for loopback addresses (a local test server). Failures are UserInputError naming the
 * URL: exit 2.
 */
export async function fetchCsdl(urls: string[], options: FetchOptions = {}): Promise<FetchedDocuments> {
  const fetched = noFetchedDocuments();
  const origins = new Set(urls.map((url) => checkedUrl(url).origin));
  const given = urls.map((url) => checkedUrl(url).href);
  const queue = [...given];
  for (let index = 0; index < queue.length; index++) {
    const url = queue[index]!;
    if (fetched.documents.has(url)) continue;
    let text: string;
    try {
      text = await download(url, options);
    } catch (error) {
      // A given URL that fails is fatal; a referenced one is reported with the references.
      if (index < given.length || !(error instanceof UserInputError)) throw error;
      fetched.skipped.set(url, error.diagnostics[0]!.message.replace(/^Cannot fetch \S+: /, 'fetching it failed: '));
      continue;
    }
    fetched.documents.set(url, { file: url, text });
    for (const reference of readReferences(url, text)) {
      if (isStandardVocabularyReference(reference.uri, reference.namespaces)) continue;
      let target: URL;
      try {
        target = new URL(reference.uri, url);
      } catch {
        continue; // reported as unresolved when the references are followed
      }
      if (!origins.has(target.origin)) {
        fetched.skipped.set(target.href, `it is on ${target.origin}, and only ${[...origins].join(', ')} is fetched (with your headers); download it and pass it with --csdl`);
      } else if (!queue.includes(target.href)) queue.push(target.href);
    }
  }
  return fetched;
}

/** The CLI's step before building: fetches the URLs among `--csdl` (none: nothing fetched). */
export async function fetchCsdlInputs(locations: string[], headers: Record<string, string> = {}): Promise<FetchedDocuments | undefined> {
  const urls = locations.filter(isUrl);
  return urls.length > 0 ? fetchCsdl(urls, { headers }) : undefined;
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fetchError(text, 'it is not a URL');
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw fetchError(text, 'only https:// URLs are fetched (http:// only from this machine: localhost, 127.0.0.1, [::1])');
}

async function download(url: string, options: FetchOptions): Promise<string> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Accept: 'application/xml, application/json;q=0.9', ...options.headers },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw fetchError(url, `${error instanceof Error ? error.message : String(error)}${cause}`);
  }
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? "; pass credentials with --header 'Authorization: ...'" : '';
    throw fetchError(url, `the server answered ${response.status} ${response.statusText}${hint}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw fetchError(url, `it is ${length} bytes, more than the ${MAX_BYTES} read`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw fetchError(url, `it is more than the ${MAX_BYTES} bytes read`);
  return text;
}

function fetchError(url: string, reason: string): UserInputError {
  return new UserInputError([createDiagnostic('input/fetch-failed', { file: url, line: 1, column: 1 }, { url, reason })]);
}
