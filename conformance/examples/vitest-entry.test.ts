import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../generator/testing/corpus.ts';
import type { CheckResult } from '../runner/results.ts';
import { defineConformanceSuite, testVerdict } from '../vitest.ts';
import { handlers, reset } from './mocks/conformant.ts';

/** The vitest entry, used as a user would: one test per check of the conformant mock. */
defineConformanceSuite({
  csdl: [EXAMPLE_CSDL],
  docs: [EXAMPLE_DOCS],
  handlers,
  reset,
  only: ['**/identitySynchronization'],
  name: `conformance of ${fileURLToPath(new URL('mocks/conformant.ts', import.meta.url)).split('/').slice(-2).join('/')}`,
});

describe('testVerdict', () => {
  const result = (status: CheckResult['status'], severity: CheckResult['severity'], message = 'm'): CheckResult => ({
    id: 'query/select',
    operation: 'GET /a',
    severity,
    title: 't',
    status,
    message,
  });
  it.each([
    ['pass', 'MUST', 'MUST', 'pass'],
    ['skip', 'MUST', 'MUST', 'skip'],
    ['fail', 'MUST', 'MUST', 'fail'],
    ['fail', 'SHOULD', 'MUST', 'warn'],
    ['fail', 'SHOULD', 'SHOULD', 'fail'],
    ['fail', 'MAY', 'SHOULD', 'warn'],
  ] as const)('%s of a %s check with failOn %s is %s', (status, severity, failOn, kind) => {
    expect(testVerdict(result(status, severity), failOn).kind).toBe(kind);
  });
});
