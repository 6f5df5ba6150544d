import { describe, expect, it } from 'vitest';
import { JoinedText } from './joined-text.ts';

describe('JoinedText', () => {
  // Around the chunk size (128): the chunks must join to exactly what one join gives.
  it.each([0, 1, 2, 127, 128, 129, 256, 300])('gives parts.join(separator) for %i parts', (count) => {
    const parts = Array.from({ length: count }, (_, index) => (index % 7 === 0 ? '' : `part ${index}`));
    const text = new JoinedText('\n\n');
    for (const part of parts) text.push(part);
    expect(text.text()).toBe(parts.join('\n\n'));
  });

  it('can be read more than once and keeps growing after', () => {
    const text = new JoinedText(',');
    text.push('a');
    expect(text.text()).toBe('a');
    text.push('b');
    expect(text.text()).toBe('a,b');
  });
});
