import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parsePage } from './parse-page.ts';

function parse(markdown: string) {
  const diagnostics = new DiagnosticCollector();
  return { page: parsePage('p.md', markdown, diagnostics), diagnostics: diagnostics.sorted() };
}

describe('annotation comments', () => {
  it('reads a multi-line annotation in ApiDoctor vocabulary', () => {
    const { page, diagnostics } = parse(
      [
        '<!-- {',
        '  "blockType": "resource",',
        '  "keyProperty": "tenantId",',
        '  "@odata.type": "microsoft.graph.x",',
        '  "openType": false,',
        '  "baseType": "microsoft.graph.base",',
        '  "abstract": true,',
        '  "optionalProperties": ["a"],',
        '  "nullableProperties": ["b"],',
        '  "custom": {"k": 1}',
        '}',
        '-->',
        '```json',
        '{}',
        '```',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotations).toHaveLength(1);
    expect(page.annotations[0]).toMatchObject({
      kind: 'block',
      blockType: 'resource',
      keyProperty: 'tenantId',
      odataType: 'microsoft.graph.x',
      openType: false,
      baseType: 'microsoft.graph.base',
      abstract: true,
      optionalProperties: ['a'],
      nullableProperties: ['b'],
      extra: { custom: { k: 1 } },
      source: { file: 'p.md', line: 1, column: 1 },
      codeBlock: 0,
    });
    expect(page.annotations[0]!.fieldSources.keyProperty).toEqual({ file: 'p.md', line: 3, column: 18 });
  });

  it('reads the one-line form', () => {
    const { page } = parse('<!-- { "blockType": "ignored" } -->\n``` http\nGET /me\n```');
    expect(page.annotations[0]).toMatchObject({ blockType: 'ignored', codeBlock: 0 });
  });

  it('reads request/response fields and unwraps Collection(...)', () => {
    const { page } = parse(
      '<!-- { "blockType": "response", "truncated": true, "isEmpty": false, "expectError": false, "name": "n", "@odata.type": "Collection(#microsoft.graph.x)" } -->\n```http\nHTTP/1.1 200 OK\n```',
    );
    expect(page.annotations[0]).toMatchObject({
      truncated: true,
      isEmpty: false,
      expectError: false,
      name: ['n'],
      odataType: 'microsoft.graph.x',
      isCollection: true,
    });
  });

  it('reports malformed JSON at its line and column in the markdown', () => {
    const { page, diagnostics } = parse('Intro.\n\n<!-- {\n  "blockType": "request",\n  "name": "x",\n}\n-->\n```http\nGET /me\n```');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-annotation', line: 6, column: 1 }]);
    expect(page.annotations[0]!.data).toBeUndefined();
    expect(page.annotations[0]!.codeBlock).toBe(0);
  });

  it('reports a malformed one-line annotation at the column of the error', () => {
    const { diagnostics } = parse('<!-- { "blockType": ignored } -->');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-annotation', line: 1, column: 21 }]);
  });

  it('takes comments after the JSON, as the Graph docs tooling does', () => {
    const { page, diagnostics } = parse(
      [
        '<!-- { "blockType": "ignored" } // Note: Removing this line will cause failures in the docs build. -->',
        '```json',
        '{}',
        '```',
        '<!-- {',
        '  "blockType": "request", "name": "a } b"',
        '} /* block */ // and a line',
        '-->',
        '```http',
        'GET /me',
        '```',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotations.map((annotation) => [annotation.blockType, annotation.name])).toEqual([
      ['ignored', undefined],
      ['request', ['a } b']],
    ]);
  });

  it('still reports text after the JSON that is not a comment', () => {
    const { diagnostics } = parse('<!-- { "blockType": "ignored" } Note: not a comment -->');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-annotation', line: 1 }]);
  });

  it('keeps unknown block types but reports them at the value', () => {
    const { page, diagnostics } = parse('<!-- {\n  "blockType": "fancy"\n} -->');
    expect(page.annotations[0]!.blockType).toBe('fancy');
    expect(diagnostics).toMatchObject([{ code: 'docs/unknown-block-type', line: 2, column: 16 }]);
  });

  it('reports wrongly typed fields and ignores their value', () => {
    const { page, diagnostics } = parse('<!-- { "blockType": "resource", "openType": "false" } -->\n```json\n{}\n```');
    expect(page.annotations[0]!.openType).toBeUndefined();
    expect(page.annotations[0]!.data).toMatchObject({ openType: 'false' });
    expect(diagnostics).toMatchObject([{ code: 'docs/invalid-annotation-value', column: 45 }]);
  });

  it('tells page annotations apart and skips non-JSON comments', () => {
    const { page, diagnostics } = parse('<!-- uuid: 16cd6b66\n2019-02-04 -->\n<!-- {\n  "type": "#page.annotation",\n  "section": "documentation"\n}-->');
    expect(diagnostics).toEqual([]);
    expect(page.annotations).toMatchObject([{ kind: 'page', extra: { type: '#page.annotation', section: 'documentation' } }]);
  });

  it('finds annotations inside block quotes with the right columns', () => {
    const { diagnostics } = parse('> <!-- {\n>   "blockType": "request",,\n> } -->');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-annotation', line: 2, column: 28 }]);
  });
});
