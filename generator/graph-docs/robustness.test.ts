import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { CORPUS_SKIP_REASON, GRAPH_DOCS } from '../testing/corpus.ts';
import { parsePage } from './parse-page.ts';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['{', '}', '"', ',', '<!--', '-->', '```', '|', '\n', '---', '\r\n', '[', ']', '(', ')', '\t', '> ', '# ', '\\', 'HTTP/1.1 ', 'GET '];

function mutate(text: string, next: () => number): string {
  let result = text;
  for (let i = 0; i < 8; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const cut = Math.floor(next() * 20);
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    result = next() < 0.5 ? result.slice(0, at) + piece + result.slice(at) : result.slice(0, at) + result.slice(at + cut);
  }
  return result;
}

const pageFiles = existsSync(GRAPH_DOCS)
  ? ['v1.0/api', 'beta/resources'].flatMap((dir) => readdirSync(path.join(GRAPH_DOCS, dir)).map((name) => path.join(GRAPH_DOCS, dir, name)))
  : [];

describe('parsePage never throws on bad input', () => {
  it.each([
    '',
    '---',
    '---\n: : :\n---',
    '<!-- {',
    '<!-- { "blockType": "request" } -->\n```http\n```',
    '```http\nHTTP/1.1 abc\n```',
    '|Property|Type|Description|\n|-|-|-|\n|||',
    '|Method|Return type|Description|\n|-|-|-|\n|',
    '\uFEFF# title\r\n\r\nNamespace:\r\n',
    '<!-- {"blockType": "resource", "@odata.type": 5, "name": [1]} -->',
    `<!-- { "blockType": "response" } -->\n\`\`\`http\nHTTP/1.1 200 OK\n\n${'['.repeat(5000)}\n\`\`\``,
  ])('survives %j', (text) => {
    expect(() => parsePage('x.md', text, new DiagnosticCollector())).not.toThrow();
  });

  it.skipIf(pageFiles.length === 0)(`survives random damage to real pages${CORPUS_SKIP_REASON}`, () => {
    const next = random(20261127);
    for (const file of pageFiles) {
      const text = readFileSync(file, 'utf8');
      for (let round = 0; round < 5; round++) {
        const damaged = mutate(text, next);
        expect(() => parsePage(file, damaged, new DiagnosticCollector()), damaged).not.toThrow();
      }
    }
  });
});
