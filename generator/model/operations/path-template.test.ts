import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../types.ts';
import { placeholdersOf, renderPath, renderSegment } from './path-template.ts';

const SEGMENTS: PathSegment[] = [
  { kind: 'entitySet', name: 'orders', type: 't.order' },
  { kind: 'key', keyProperties: ['id'], placeholders: ['id'], type: 't.order' },
  { kind: 'navigation', name: 'lines', type: 't.line', collection: true, containsTarget: true },
  { kind: 'key', keyProperties: ['orderId', 'id'], placeholders: ['orderId', 'id2'], type: 't.line' },
  { kind: 'function', name: 't.price', parameters: ['currency'], placeholders: ['currency'] },
];

describe('path templates', () => {
  it('renders single-part keys as segments and composite keys in parentheses', () => {
    expect(renderPath(SEGMENTS)).toBe('/orders/{id}/lines(orderId={orderId},id={id2})/t.price(currency={currency})');
  });

  it('is its segments rendered one by one, so a walk can extend a path without rendering it again', () => {
    expect(SEGMENTS.map(renderSegment).join('')).toBe(renderPath(SEGMENTS));
    expect(renderSegment({ kind: 'ref' })).toBe('/$ref');
  });

  it('renders the service root for no segments, and lists the placeholders in use', () => {
    expect(renderPath([])).toBe('/');
    expect(placeholdersOf(SEGMENTS)).toEqual(['id', 'orderId', 'id2', 'currency']);
  });
});
