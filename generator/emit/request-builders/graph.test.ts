import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import type { Model, Operation } from '../../model/types.ts';
import { createClient, type RouteTable, type ValidationCheck } from '../../runtime/client/index.ts';
import { fakeFetch } from '../../runtime/client/__fixtures__/fake-fetch.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL } from '../../testing/corpus.ts';
import type { OutputFile } from '../emitter.ts';
import { emitAll, typeCheck, writeOutput, type TempOutput } from './__fixtures__/output.ts';
import { indexCallables } from './callables.ts';
import { escapedName } from './members.ts';
import { CLIENT_FILE, ROUTES_FILE } from './emit-client.ts';
import { buildRouteTable } from './route-table.ts';
import { buildPositionTree, type PositionNode } from './tree.ts';

/**
 * The builders for all of Microsoft Graph v1.0 (about 12,700 operations): they compile under
 * `tsc --strict`, stay within their size budget, and every operation of the model can be
 * called through the runtime with the URL, method and validation types the model gives it.
 */
describe.skipIf(!corpusAvailable)(`request builders for all of Graph${CORPUS_SKIP_REASON}`, () => {
  let model: Model;
  let files: OutputFile[];
  let output: TempOutput;

  beforeAll(() => {
    // Graph's CSDL does not declare key-as-segment; Graph takes it, and its SDKs and docs write it: the setting says so.
    model = loadModel({ csdl: [GRAPH_CSDL], keyAsSegment: true }).model;
    files = emitAll(model);
    output = writeOutput(files);
  });
  afterAll(() => output?.remove());

  it('compiles under tsc --strict', () => {
    expect(typeCheck(output.dir, [CLIENT_FILE, ROUTES_FILE])).toEqual([]);
  });

  it('stays within its size budget', () => {
    const size = (path: string): number => Buffer.byteLength(files.find((file) => file.path === path)!.content);
    // Measured 2026-11: 603 KB of types and 126 KB of route table for 12,669 operations.
    expect(size(CLIENT_FILE)).toBeLessThan(800_000);
    expect(size(ROUTES_FILE)).toBeLessThan(180_000);
  });

  it('calls every operation of the model with its method, URL and body types', async () => {
    const tree = buildPositionTree(model);
    const callables = indexCallables(model, tree);
    const table = buildRouteTable(model, tree, callables);
    const checks: ValidationCheck[] = [];
    const fake = fakeFetch(() => ({ json: {} }));
    const client = createClient<any>(table, { baseUrl: 'https://graph.test/v1.0', fetch: fake.fetch, validate: (check) => void checks.push(check) });
    const calls: { operation: Operation; send: () => Promise<unknown> }[] = [];
    // Every name is reached as the generated types spell it (`$get` for a property `get`): `$count`, `$all` and `$pages` page a collection.
    const walk = (node: PositionNode, builder: any): void => {
      for (const operation of node.operations) {
        const verb = operation.method.toLowerCase();
        calls.push({ operation, send: () => (operation.requestBody ? builder[verb]({}) : builder[verb]()) });
      }
      for (const operation of node.references) {
        const verb = operation.method.toLowerCase();
        calls.push({ operation, send: () => (operation.method === 'DELETE' ? builder.$ref.delete() : builder.$ref[verb]('https://graph.test/v1.0/users/x')) });
      }
      for (const member of callables.membersOf(node)) {
        for (const { callable, operation } of member.overloads) {
          const required = callable.parameters.slice(callable.isBound ? 1 : 0).filter((parameter) => !parameter.optional);
          calls.push({ operation, send: () => builder[escapedName(member.name)](Object.fromEntries(required.map((parameter) => [parameter.name, parameter.name]))) });
        }
      }
      for (const { segment, node: child } of node.children.values()) {
        walk(child, segment.kind === 'key' ? builder.byId(segment.placeholders[0]) : segment.kind === 'cast' ? builder.$cast(segment.type) : builder[escapedName(segment.name)]);
      }
    };
    walk(tree, client);
    expect(calls.length).toBe(model.operations.length);
    const wrong: object[] = [];
    for (const { operation, send } of calls) {
      checks.length = 0;
      const before = fake.requests.length;
      await send();
      const request = fake.requests[before];
      // Placeholders are filled with their own names; string parameters come back quoted (enum members
      // qualified with their type), others as JSON in parameter aliases.
      const unaliased = request ? `${request.method} ${request.url}`.replace(/([(,])([^=(,]+)=@\2(?=[,)])/g, "$1$2='$2'").replace(/[?&]@[^&]*/g, '') : 'none';
      const sent = unaliased.replace(/([(,][^=(,]+=)(?:[\w.]*'([^']*)'|%22([^%]*)%22)/g, '$1$2$3');
      if (sent !== expectedRequest(operation) || !checksAgree(operation, checks)) {
        wrong.push({ id: operation.id, sent, checks: checks.map((check) => `${check.phase} ${check.type} ${check.mode}`) });
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('sends Graph calls through the generated client', async () => {
    const generated = (await import(pathToFileURL(join(output.dir, CLIENT_FILE)).href)) as { createClient(options: object): any };
    const routes = (await import(pathToFileURL(join(output.dir, ROUTES_FILE)).href)) as { routes: RouteTable };
    expect(routes.routes.version).toBe(1);
    const fake = fakeFetch(() => ({ json: { value: [] } }));
    const client = generated.createClient({ baseUrl: 'https://graph.microsoft.com/v1.0', fetch: fake.fetch });
    await client.me.sendMail({ message: { subject: 'Hi' }, saveToSentItems: false });
    await client.users.byId('adele@contoso.com').calendar.events.get({ $select: ['subject'], $top: 3 });
    await client.drives.byId('b!x').items.byId('01ABC').getActivitiesByInterval({ startDateTime: '2024-01-01', endDateTime: '2024-02-01', interval: 'day' });
    await client.users.delta();
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST https://graph.microsoft.com/v1.0/me/microsoft.graph.sendMail',
      'GET https://graph.microsoft.com/v1.0/users/adele%40contoso.com/calendar/events?$select=subject&$top=3',
      "GET https://graph.microsoft.com/v1.0/drives/b!x/items/01ABC/microsoft.graph.getActivitiesByInterval(startDateTime='2024-01-01',endDateTime='2024-02-01',interval='day')",
      'GET https://graph.microsoft.com/v1.0/users/microsoft.graph.delta()',
    ]);
  });
});

/** The operation's path with each placeholder `{x}` filled with its own name (quoted in function parameters). */
function expectedRequest(operation: Operation): string {
  const path = operation.path.replace(/(=)?\{([^}]+)\}/g, (_, equals: string | undefined, name: string) => (equals ? `=${name}` : encodeURIComponent(name)));
  return `${operation.method} https://graph.test/v1.0${path}`;
}

function checksAgree(operation: Operation, checks: ValidationCheck[]): boolean {
  const request = checks.find((check) => check.phase === 'request');
  const response = checks.find((check) => check.phase === 'response');
  const body = operation.requestBody;
  if (body ? request?.type !== body.type || request.mode !== body.mode : request !== undefined) return false;
  if (!operation.response) return response === undefined || operation.method === 'PATCH' || operation.method === 'PUT';
  return response?.type === operation.response.type && response.collection === operation.response.collection;
}
