import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { splitUrl } from './http-block.ts';
import { parsePage } from './parse-page.ts';

function parse(markdown: string) {
  const diagnostics = new DiagnosticCollector();
  return { page: parsePage('p.md', markdown, diagnostics), diagnostics: diagnostics.sorted() };
}

describe('front matter', () => {
  it('reads YAML front matter and doc_type, keeping line numbers of the body', () => {
    const { page, diagnostics } = parse('---\ntitle: "X"\ndoc_type: apiPageType\nms.date: 07/22/2024\n---\n\n# Get x\n');
    expect(diagnostics).toEqual([]);
    expect(page.frontMatter).toEqual({
      data: { title: 'X', doc_type: 'apiPageType', 'ms.date': '07/22/2024' },
      source: { file: 'p.md', line: 1, column: 1 },
    });
    expect(page.docType).toBe('apiPageType');
    expect(page.title).toEqual({ text: 'Get x', source: { file: 'p.md', line: 7, column: 1 } });
  });

  it('reports bad YAML at its line and goes on', () => {
    const { page, diagnostics } = parse('---\ntitle: "X\nauthor: [a,\n---\n# T\n');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-front-matter', file: 'p.md' }]);
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
    expect(page.frontMatter).toBeUndefined();
    expect(page.title?.text).toBe('T');
  });

  it('reports front matter that is not a mapping', () => {
    const { diagnostics } = parse('---\n- a\n---\n');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-front-matter', line: 1 }]);
  });
});

describe('page prose', () => {
  it('reads title, namespace, intro and "Inherits from"', () => {
    const { page } = parse(
      '# policyBase resource type\n\nNamespace: microsoft.graph\n\n[!INCLUDE [beta](b.md)]\n\nAn abstract base. Inherits from [directoryObject](directoryobject.md).\n\n## Properties\n',
    );
    expect(page.title?.text).toBe('policyBase resource type');
    expect(page.namespace).toEqual({ text: 'microsoft.graph', source: { file: 'p.md', line: 3, column: 1 } });
    expect(page.description?.text).toBe('An abstract base. Inherits from directoryObject.');
    expect(page.inheritsFrom).toEqual({ name: 'directoryObject', link: 'directoryobject.md', source: { file: 'p.md', line: 7, column: 33 } });
    expect(page.kind).toBe('other');
  });

  it('reads the documented success status and response type', () => {
    const { page } = parse(
      '## Response\n\nIf successful, this method returns a `200 OK` response code and a collection of [partner](../resources/partner.md) objects in the response body.\n',
    );
    expect(page.success).toEqual({
      status: 200,
      reason: 'OK',
      responseType: { name: 'partner', collection: true, primitive: false, link: '../resources/partner.md' },
      source: { file: 'p.md', line: 3, column: 38 },
    });
  });

  it.each([
    ['If successful, this method returns a `204 No Content` response code.', 204, 'No Content'],
    ['If successful, this action returns a `204 No Content` response code. To confirm, run [Get](x.md).', 204, 'No Content'],
    ['If successful, this method returns a `201 Created` response code and a [x](x.md) object in the response body.', 201, 'Created'],
  ])('reads %j', (sentence, status, reason) => {
    const { page } = parse(`## Response\n\n${sentence}\n`);
    expect(page.success).toMatchObject({ status, reason });
  });

  it('has no response type for 204 even when the sentence links a page', () => {
    const { page } = parse('## Response\n\nThis action returns a `204 No Content` response code. Run [Get x](x-get.md) to check.\n');
    expect(page.success?.responseType).toBeUndefined();
  });

  it('reads what the request body section says', () => {
    expect(parse('## Request body\n\nDo not supply a request body for this method.\n').page.requestBody).toMatchObject({ kind: 'none' });
    expect(
      parse('## Request body\n\nIn the request body, supply a JSON representation of the [x](../resources/x.md) object.\n').page.requestBody,
    ).toMatchObject({ kind: 'type', type: { name: 'x', link: '../resources/x.md' } });
    expect(parse('## Request body\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|A.|\n').page.requestBody).toMatchObject({
      kind: 'properties',
      source: { line: 3 },
    });
  });

  it('reads every request line of the HTTP request section', () => {
    const { page } = parse(
      '## HTTP request\n\n<!-- { "blockType": "ignored" } -->\n``` http\nGET /users/{id | userPrincipalName}/x\nGET /me/x?$top=1\n```\n',
    );
    expect(page.requestLines).toEqual([
      { method: 'GET', url: '/users/{id | userPrincipalName}/x', path: '/users/{id | userPrincipalName}/x', source: { file: 'p.md', line: 5, column: 1 } },
      { method: 'GET', url: '/me/x?$top=1', path: '/me/x', query: '$top=1', source: { file: 'p.md', line: 6, column: 1 } },
    ]);
    expect(page.kind).toBe('api');
  });

  it('reads request lines from a fence without a language', () => {
    const { page } = parse('## HTTP request\n\n```\nPOST /me/sendMail\n```\n');
    expect(page.requestLines).toMatchObject([{ method: 'POST', path: '/me/sendMail', source: { line: 4 } }]);
  });
});

describe('splitUrl', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0/me/x?$top=1', { serviceRoot: 'https://graph.microsoft.com/v1.0', path: '/me/x', query: '$top=1' }],
    ['/beta/me', { serviceRoot: '/beta', path: '/me' }],
    ['/policies/x', { path: '/policies/x' }],
    ['https://graph.microsoft.com/v1.0', { serviceRoot: 'https://graph.microsoft.com/v1.0', path: '/' }],
    ['https://example.com/odata/People', { serviceRoot: 'https://example.com', path: '/odata/People' }],
  ])('splits %s', (url, expected) => {
    expect(splitUrl(url)).toEqual({ url, ...expected });
  });
});
