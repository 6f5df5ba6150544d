import { describe, expect, it } from 'vitest';
import { accepted, everywhere, judge } from './profiles.ts';

const putCreates = { graph: [204], odata: [201] };

describe('profiles', () => {
  it.each([
    [204, 'graph', true, undefined],
    [201, 'graph', true, '201 is what the odata profile expects; the graph profile expects 204'],
    [201, 'odata', true, undefined],
    [204, 'odata', true, '204 is what the graph profile expects; the odata profile expects 201'],
    [200, 'odata', false, undefined],
    [201, 'lenient', true, undefined],
    [200, 'lenient', false, undefined],
  ] as const)('%i in %s: ok %s', (status, profile, ok, difference) => {
    expect(judge(status, putCreates, profile)).toEqual({ ok, ...(difference && { difference }) });
  });

  it('lenient accepts the union', () => {
    expect(accepted(putCreates, 'lenient')).toEqual([204, 201]);
    expect(accepted(everywhere(404), 'lenient')).toEqual([404]);
  });
});
