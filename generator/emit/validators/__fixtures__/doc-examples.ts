import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../../../model/types.ts';
import type { ValidationMode } from '../../../runtime/validation/index.ts';

/**
 * Test helper: the JSON bodies of the annotated examples of Graph reference pages, with the
 * type and mode to check them in. A deliberately small regex reader (the real parser lives
 * in generator/graph-docs/): an annotation comment, then an `http` or `json` fence.
 */
export interface DocBody {
  /** `file.md request` or `file.md response`, then `#2`... when a page has more: what tests select by. */
  key: string;
  /** `file.md:line` of the fence, and the annotation's name. */
  where: string;
  blockType: 'request' | 'response';
  method?: string;
  url?: string;
  type: string;
  mode: ValidationMode;
  collection: boolean;
  truncated: boolean;
  /** The body text, or undefined when there is none (GET, 204). */
  text?: string;
}

const BLOCK = /<!--\s*(\{[\s\S]*?\})\s*-->\s*```\s*(http|json)\s*\n([\s\S]*?)\n```/g;

export function readDocBodies(folder: string, model: Model): DocBody[] {
  const bodies: DocBody[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.md')).sort()) {
    const text = readFileSync(join(folder, file), 'utf8').replace(/\r\n?/g, '\n');
    let lastRequest: { method: string; url: string } | undefined;
    for (const match of text.matchAll(BLOCK)) {
      let annotation: Record<string, unknown>;
      try {
        annotation = JSON.parse(match[1]!) as Record<string, unknown>;
      } catch {
        continue;
      }
      const line = text.slice(0, match.index).split('\n').length;
      const where = `${file}:${line}${typeof annotation.name === 'string' ? ` (${annotation.name})` : ''}`;
      const { head, body } = splitHttp(match[2] === 'http' ? match[3]! : `\n${match[3]!}`);
      if (annotation.blockType === 'request') {
        const [method = '', url = ''] = head.split(' ');
        lastRequest = { method, url };
        const target = requestTarget(model, method, url);
        if (target !== undefined) bodies.push({ key: '', where, blockType: 'request', method, url, ...target, truncated: false, text: body });
      } else if (annotation.blockType === 'response' && typeof annotation['@odata.type'] === 'string') {
        const declared = annotation['@odata.type'];
        const collection = /^Collection\(/.test(declared) || annotation.isCollection === true;
        const type = declared.replace(/^Collection\((.*)\)$/, '$1');
        bodies.push({ key: '', where, blockType: 'response', ...lastRequest, type, mode: 'read', collection, truncated: annotation.truncated === true, text: body });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const body of bodies) {
    const base = `${body.where.split(':')[0]} ${body.blockType}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    body.key = count === 1 ? base : `${base}#${count}`;
  }
  return bodies;
}

function splitHttp(text: string): { head: string; body?: string } {
  const blank = text.indexOf('\n\n');
  const head = (blank < 0 ? text : text.slice(0, blank)).trim().split('\n')[0] ?? '';
  const body = blank < 0 ? '' : text.slice(blank + 2).trim();
  return { head, body: body === '' ? undefined : body };
}

/**
 * The body type and mode of a request, from the model's operation on the same path template;
 * a method the CSDL lacks (a PATCH where the CSDL says PUT) borrows the path's target type.
 */
function requestTarget(model: Model, method: string, url: string): { type: string; mode: ValidationMode; collection: boolean } | undefined {
  const path = url.replace(/^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)/, '').split('?')[0]!;
  const segments = path.split('/').filter(Boolean);
  const matching = model.operations.filter((operation) => {
    const template = operation.path.split('/').filter(Boolean);
    return template.length === segments.length && template.every((part, index) => /^\{.*\}$/.test(part) || part === segments[index]);
  });
  const exact = matching.find((operation) => operation.method === method && operation.requestBody !== undefined);
  if (exact?.requestBody !== undefined) {
    if (exact.requestBody.mode === 'parameters') return undefined;
    return { type: exact.requestBody.type, mode: exact.requestBody.mode, collection: exact.requestBody.collection };
  }
  const target = matching.find((operation) => operation.target !== undefined && operation.intent === 'read')?.target;
  if (target === undefined || !['POST', 'PUT', 'PATCH'].includes(method)) return undefined;
  return { type: target.type, mode: method === 'PATCH' ? 'update' : 'create', collection: false };
}
