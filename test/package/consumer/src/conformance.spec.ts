// The consumer's own vitest project: the conformance suite on the example mock the package
// exports, one test per check, and the generated client against the generated handlers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConformanceSuite } from 'odatakit/conformance/vitest';
import { handlers, reset } from 'odatakit/conformance/examples';
import { expect, test } from 'vitest';
import { roundTrip } from './app.js';

const examples = join(dirname(createRequire(import.meta.url).resolve('odatakit/package.json')), 'examples');

defineConformanceSuite({
  csdl: [join(examples, 'csdl/cross-tenant-sync.xml')],
  docs: [join(examples, 'docs')],
  handlers,
  reset,
  only: ['**/identitySynchronization'],
  name: 'example mock',
});

test('the generated client runs PUT, PATCH, GET and DELETE through the generated handlers', async () => {
  expect(await roundTrip('3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35')).toBe('Fabrikam Ltd');
});
