import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashInput, sha256 } from './hash.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'odatakit-hash-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('hashing inputs', () => {
  it('hashes a file read in pieces as its whole content', () => {
    // Larger than one piece, and not a multiple of it.
    const bytes = Buffer.from(Array.from({ length: 200_003 }, (_, index) => index % 251));
    writeFileSync(join(root, 'big.xml'), bytes);
    writeFileSync(join(root, 'empty.xml'), '');
    expect(hashInput(join(root, 'big.xml'))).toBe(digest(bytes));
    expect(hashInput(join(root, 'empty.xml'))).toBe(sha256(''));
  });

  it('hashes a folder as the sorted list of its files and their hashes', () => {
    mkdirSync(join(root, 'docs/api'), { recursive: true });
    writeFileSync(join(root, 'docs/b.md'), 'b');
    writeFileSync(join(root, 'docs/api/a.md'), 'a');
    writeFileSync(join(root, 'docs/.hidden'), 'skipped');
    expect(hashInput(join(root, 'docs'))).toBe(sha256([`api/a.md\u0000${sha256('a')}`, `b.md\u0000${sha256('b')}`].join('\n')));
  });
});

describe('sha256 of long texts', () => {
  it('hashes a text longer than a piece as the UTF-8 bytes of the whole, surrogate pairs across piece ends included', () => {
    const piece = 1 << 20;
    // A pair straddling the first piece end, non-ASCII text, and a lone surrogate (encoded as U+FFFD either way).
    const text = `${'a'.repeat(piece - 1)}\u{1F600}${'é€'.repeat(piece / 2)}\ud800${'z'.repeat(piece + 3)}`;
    expect(sha256(text)).toBe(digest(Buffer.from(text, 'utf8')));
    const exact = 'x'.repeat(piece * 2);
    expect(sha256(exact)).toBe(digest(Buffer.from(exact, 'utf8')));
  });
});
