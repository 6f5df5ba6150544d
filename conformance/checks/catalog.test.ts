import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../generator/testing/corpus.ts';
import { CHECK_IDS, CHECKS } from './catalog.ts';

describe('the check catalog', () => {
  it('is plain data: every check has a title, a severity, a reference and profiles', () => {
    for (const id of CHECK_IDS) {
      const check = CHECKS[id];
      expect(check.title.length, id).toBeGreaterThan(10);
      expect(['MUST', 'SHOULD', 'MAY']).toContain(check.severity);
      expect(check.reference.length, id).toBeGreaterThan(10);
      expect(check.profiles.length, id).toBeGreaterThan(0);
    }
    expect(JSON.parse(JSON.stringify(CHECKS))).toEqual(CHECKS);
  });

  it('is documented in docs/conformance.md, with the same severity', () => {
    const docs = readFileSync(join(PROJECT_ROOT, 'docs/conformance.md'), 'utf8');
    for (const id of CHECK_IDS) expect(docs, id).toContain(`| \`${id}\` | ${CHECKS[id].severity} |`);
  });
});
