import { describe, expect, it } from 'vitest';
import { formatLineHash, parseLineHash } from '../../../lib/site/permalink';

describe('line permalinks', () => {
  it('read one line and a range, with or without the #', () => {
    expect(parseLineHash('#L10', 100)).toEqual([10, 10]);
    expect(parseLineHash('#L10-L20', 100)).toEqual([10, 20]);
    expect(parseLineHash('L10-L20', 100)).toEqual([10, 20]);
    expect(parseLineHash('#L10-20', 100)).toEqual([10, 20]);
  });

  it('accept a reversed range as the same lines', () => {
    expect(parseLineHash('#L20-L10', 100)).toEqual([10, 20]);
  });

  it('refuse a start outside the file and clip an end past it', () => {
    expect(parseLineHash('#L0', 100)).toBeNull();
    expect(parseLineHash('#L101', 100)).toBeNull();
    expect(parseLineHash('#L101-L120', 100)).toBeNull();
    expect(parseLineHash('#L95-L120', 100)).toEqual([95, 100]);
  });

  it('refuse anything else', () => {
    for (const garbage of ['', '#', '#L', '#Lx', '#l10', '#L10-', '#L10-L', '#L1.5', '#L10-L20-L30', '#line10', '#L-10', 'javascript:alert(1)']) {
      expect(parseLineHash(garbage, 100), garbage).toBeNull();
    }
  });

  it('write what they read', () => {
    expect(formatLineHash([7, 7])).toBe('#L7');
    expect(formatLineHash([7, 9])).toBe('#L7-L9');
    for (const lines of [[1, 1], [3, 40]] as Array<[number, number]>) expect(parseLineHash(formatLineHash(lines), 100)).toEqual(lines);
  });
});
