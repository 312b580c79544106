import { describe, expect, it } from 'vitest';
import { checkShape, type Shape } from '../../../lib/upstream/shape';

const SHAPE: Shape = {
  name: 'string',
  note: 'string?',
  commit: /^[0-9a-f]{4}$/,
  count: 'number',
  tags: ['string'],
  modules: ['string', 'non-empty'],
  nested: { id: 'string' },
};

const good = { name: 'a', commit: 'beef', count: 1, tags: [], modules: ['m'], nested: { id: 'x' } };

describe('checkShape', () => {
  it('accepts a value of the shape, with or without its optional keys', () => {
    expect(checkShape(good, SHAPE)).toEqual([]);
    expect(checkShape({ ...good, note: 'n' }, SHAPE)).toEqual([]);
  });

  it('names every problem by its path', () => {
    const bad = { name: 1, commit: 'BEEF', tags: 'x', modules: [], nested: { id: 2, extra: true }, surprise: 0 };
    expect(checkShape(bad, SHAPE)).toEqual([
      'surprise: not expected here',
      'name: expected a string',
      'commit: expected a string matching /^[0-9a-f]{4}$/',
      'count: missing',
      'tags: expected a list',
      'modules: expected at least one item',
      'nested.extra: not expected here',
      'nested.id: expected a string',
    ]);
  });

  it('checks list items and refuses what is not an object', () => {
    expect(checkShape({ ...good, tags: ['a', 3] }, SHAPE)).toEqual(['tags.1: expected a string']);
    expect(checkShape([], SHAPE)).toEqual(['(top): expected an object']);
  });
});
