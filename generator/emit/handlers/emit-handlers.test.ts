import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../testing/corpus.ts';
import { conformanceConsumerOptions, typeCheckFolder, typeCheckOutput } from '../../testing/typecheck.ts';
import type { OutputFile } from '../emitter.ts';
import { portableImports } from '../portable-imports.ts';
import { EMITTERS } from '../registry.ts';
import { emitAll, writeOutput, type TempOutput } from '../request-builders/__fixtures__/output.ts';
import { HANDLERS_FILE } from './index.ts';

/**
 * `handlers.gen.ts` for the bundled example, beside the rest of the output: it compiles, it
 * types `data` per path (`expectTypeOf`, `@ts-expect-error`), and it stays a leaf.
 */
let files: OutputFile[];
let output: TempOutput;

beforeAll(() => {
  const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
  files = emitAll(model).map(portableImports);
  output = writeOutput(files);
});
afterAll(() => output?.remove());

const SYNC = '/policies/crossTenantAccessPolicy/partners/t1/identitySynchronization';

/** Type-level tests, compiled beside the output as a project that uses the handlers would. */
const TYPE_TESTS = `
import { expectTypeOf } from 'vitest';
import { createHandlers, type HandlerOptions, type Handlers, type Model, type SeedValue } from './handlers.gen.ts';
import type * as T from './types.gen.ts';
import type { HttpHandler } from 'msw';

declare const model: Model;

// Each path is typed as the entity it addresses; a collection takes members with their key.
expectTypeOf<SeedValue<'${SYNC}'>>().toEqualTypeOf<T.CrossTenantIdentitySyncPolicyPartner>();
expectTypeOf<SeedValue<"/policies/crossTenantAccessPolicy/partners('t1')/identitySynchronization">>().toEqualTypeOf<T.CrossTenantIdentitySyncPolicyPartner>();
expectTypeOf<SeedValue<'/policies/crossTenantAccessPolicy/partners/t1'>>().toEqualTypeOf<T.CrossTenantAccessPolicyConfigurationPartner>();
expectTypeOf<SeedValue<'/policies'>>().toEqualTypeOf<T.PolicyRoot>();
expectTypeOf<SeedValue<'/policies/nothing'>>().toEqualTypeOf<"odatakit: no entity or collection at '/policies/nothing'">();
expectTypeOf<SeedValue<'/'>>().toBeString();
expectTypeOf<Handlers>().toEqualTypeOf<HttpHandler[]>();

// Accepted: what the starting resource's read shape allows, with the other options.
const handlers = createHandlers(model, {
  serviceRoot: 'https://graph.test/v1.0',
  profile: 'odata',
  pageSize: 10,
  data: {
    '/policies/crossTenantAccessPolicy/partners': [{ tenantId: 't1', isServiceProvider: true }],
    '${SYNC}': { tenantId: 't1', displayName: 'Fabrikam', userSyncInbound: { isSyncAllowed: true } },
  },
});
expectTypeOf(handlers).toEqualTypeOf<Handlers>();
createHandlers(model);
createHandlers(model, { data: { '/policies/crossTenantAccessPolicy/partners': { tenantId: 't2' } } });
expectTypeOf<HandlerOptions<'/policies'>['data']>().toEqualTypeOf<{ '/policies': T.PolicyRoot } | undefined>();

// Refused: a wrong property type, an unknown property, a member without its key, a path that addresses nothing.
createHandlers(model, {
  data: {
    // @ts-expect-error: displayName is a string.
    '${SYNC}': { displayName: 5 },
  },
});
createHandlers(model, {
  data: {
    // @ts-expect-error: isSyncAllowed belongs to userSyncInbound.
    '${SYNC}': { isSyncAllowed: true },
  },
});
createHandlers(model, {
  data: {
    // @ts-expect-error: a member of a collection needs its key.
    '/policies/crossTenantAccessPolicy/partners': [{ isServiceProvider: true }],
  },
});
createHandlers(model, {
  data: {
    // @ts-expect-error: no such segment.
    '/policies/partners': [{ tenantId: 't1' }],
  },
});
declare const computed: string;
createHandlers(model, {
  // @ts-expect-error: a computed key that is not a literal type cannot be typed.
  data: { [computed]: { tenantId: 't1' } },
});
`;

describe('handlers.gen.ts for the bundled example', () => {
  const content = () => files.find((file) => file.path === HANDLERS_FILE)!.content;

  it('is registered after the emitters whose output it uses', () => {
    const names = EMITTERS.map((emitter) => emitter.name);
    expect(names.indexOf('handlers')).toBeGreaterThan(names.indexOf('request-builders'));
  });

  it('compiles with the rest of the output', () => {
    const typeScript = files.map((file) => file.path).filter((path) => path.endsWith('.ts'));
    expect(typeScript).toContain(HANDLERS_FILE);
    expect(typeCheckOutput(output.dir, typeScript)).toEqual([]);
  });

  it('types data per path: accepts the starting resource, refuses wrong properties and paths', () => {
    output.write('handlers.check.ts', TYPE_TESTS);
    expect(typeCheckFolder(output.dir, ['handlers.check.ts'], conformanceConsumerOptions())).toEqual([]);
  });

  it('is a leaf: nothing else imports it, and nothing else imports msw or odatakit', () => {
    const imports = (text: string) => [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]);
    expect(imports(content())).toEqual(['odatakit/conformance/handlers', './model.gen.js', './types.gen.js']);
    for (const file of files.filter((item) => item.path !== HANDLERS_FILE)) {
      expect(imports(file.content).filter((target) => /handlers\.gen|^msw|^odatakit/.test(target!)), file.path).toEqual([]);
    }
  });
});
