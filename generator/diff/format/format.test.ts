import { describe, expect, it } from 'vitest';
import type { Change, DiffReport } from '../change.ts';
import { summarize } from '../diff-models.ts';
import { semverOf } from '../semver.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatText } from './text.ts';

const CHANGES: Change[] = [
  {
    kind: 'property-type-changed',
    severity: 'breaking',
    target: 'test.ns.item/name',
    message: 'Type changed from Edm.String to Edm.Int32',
    old: { file: 'old.xml', line: 10 },
    new: { file: 'new.xml', line: 12 },
    values: { old: 'Edm.String', new: 'Edm.Int32' },
  },
  {
    kind: 'enum-member-added',
    severity: 'dangerous',
    target: 'test.ns.color/blue',
    message: 'Member added (2), in values clients read',
    old: { file: 'old.xml', line: 3 },
    new: { file: 'new.xml', line: 4 },
  },
  { kind: 'type-added', severity: 'safe', target: 'test.ns.extra', message: 'Complex type added', old: null, new: { file: 'new.xml', line: 20 } },
  { kind: 'type-removed', severity: 'breaking', target: 'test.ns.gone|<b>', message: 'Complex type removed\nwith *markup*', old: { file: 'old.xml', line: 7 }, new: null },
];

function reportOf(changes: Change[]): DiffReport {
  const summary = summarize(changes);
  return { changes, summary, semver: semverOf(summary) };
}

describe('formatJson', () => {
  it('writes exactly the documented shape, without in-memory extras', () => {
    const parsed = JSON.parse(formatJson(reportOf(CHANGES))) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['changes', 'summary', 'semver']);
    expect(parsed['summary']).toEqual({ breaking: 2, dangerous: 1, safe: 1, docs: 0 });
    expect(parsed['semver']).toBe('major');
    const changes = parsed['changes'] as Record<string, unknown>[];
    for (const change of changes) expect(Object.keys(change)).toEqual(['kind', 'severity', 'target', 'message', 'old', 'new']);
    expect(changes[0]).toEqual({
      kind: 'property-type-changed',
      severity: 'breaking',
      target: 'test.ns.item/name',
      message: 'Type changed from Edm.String to Edm.Int32',
      old: { file: 'old.xml', line: 10 },
      new: { file: 'new.xml', line: 12 },
    });
    expect(changes[2]!['old']).toBeNull();
  });
});

describe('formatText', () => {
  it('groups by severity, one change per line, with both positions', () => {
    const text = formatText(reportOf(CHANGES));
    expect(text).toBe(
      [
        '2 breaking, 1 dangerous, 1 safe, 0 docs; semver: major',
        '',
        'breaking (2):',
        '  test.ns.item/name  Type changed from Edm.String to Edm.Int32  [property-type-changed]  old.xml:10 -> new.xml:12',
        '  test.ns.gone|<b>  Complex type removed with *markup*  [type-removed]  old.xml:7 (old)',
        '',
        'dangerous (1):',
        '  test.ns.color/blue  Member added (2), in values clients read  [enum-member-added]  old.xml:3 -> new.xml:4',
        '',
        'safe (1):',
        '  test.ns.extra  Complex type added  [type-added]  new.xml:20 (new)',
        '',
      ].join('\n'),
    );
  });

  it('says when there is no change', () => {
    expect(formatText(reportOf([]))).toBe('0 breaking, 0 dangerous, 0 safe, 0 docs; semver: none\nNo changes.\n');
  });
});

describe('formatMarkdown', () => {
  it('has a summary table and a collapsible section per severity, breaking open', () => {
    const markdown = formatMarkdown(reportOf(CHANGES));
    expect(markdown).toContain('| Breaking | 2 |');
    expect(markdown).toContain('<details open>\n<summary><b>Breaking (2)</b></summary>');
    expect(markdown).toContain('<details>\n<summary><b>Dangerous (1)</b></summary>');
    expect(markdown).not.toContain('Docs (');
    expect(markdown).toContain('| `test.ns.item/name` | Type changed from Edm.String to Edm.Int32 | property-type-changed |');
  });

  it('escapes schema text so that it cannot break the table or inject markup', () => {
    const markdown = formatMarkdown(reportOf(CHANGES));
    expect(markdown).toContain('| `test.ns.gone\\|<b>` | Complex type removed with \\*markup\\* | type-removed |');
  });

  it('stays within its budget and says how many rows it left out', () => {
    const many: Change[] = Array.from({ length: 500 }, (_, i) => ({ ...CHANGES[2]!, target: `test.ns.type${String(i).padStart(3, '0')}` }));
    const markdown = formatMarkdown(reportOf(many), { budget: 5_000 });
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `test.ns.type'));
    expect(rows.length).toBeGreaterThan(10);
    expect(markdown).toContain(`${500 - rows.length} more left out to fit a comment`);
  });

  it('does not let a long section crowd out a short one', () => {
    const many: Change[] = Array.from({ length: 500 }, (_, i) => ({ ...CHANGES[2]!, target: `test.ns.type${String(i).padStart(3, '0')}` }));
    const docs: Change = { ...CHANGES[2]!, kind: 'description-changed', severity: 'docs', message: 'Description changed' };
    const markdown = formatMarkdown(reportOf([...many, docs]), { budget: 5_000 });
    expect(markdown).toContain('| `test.ns.extra` | Description changed | description-changed |');
    expect(markdown).toContain('more left out to fit a comment');
  });

  it('says when there is no change', () => {
    expect(formatMarkdown(reportOf([]))).toContain('No changes.');
  });
});

describe('semverOf', () => {
  it.each([
    [{ breaking: 1, dangerous: 1, safe: 1, docs: 1 }, 'major'],
    [{ breaking: 0, dangerous: 1, safe: 0, docs: 0 }, 'minor'],
    [{ breaking: 0, dangerous: 0, safe: 3, docs: 1 }, 'minor'],
    [{ breaking: 0, dangerous: 0, safe: 0, docs: 2 }, 'patch'],
    [{ breaking: 0, dangerous: 0, safe: 0, docs: 0 }, 'none'],
  ] as const)('%j -> %s', (summary, bump) => {
    expect(semverOf(summary)).toBe(bump);
  });
});
