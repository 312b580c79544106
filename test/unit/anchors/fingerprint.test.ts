import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PATTERN, fingerprintOf, fingerprintTokens, lineHash, normalizeLine } from '../../../lib/anchors/fingerprint';

/** FNV-1a (32-bit) of a string's UTF-16 code units, written out here from its definition. */
function fnv1a(text: string): number {
  let hash = 2166136261;
  for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) {
    hash = Number((BigInt(hash ^ unit) * 16777619n) % 4294967296n);
    hash >>>= 0;
  }
  return hash;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('fingerprints', () => {
  it('ignore leading, trailing and repeated whitespace, tabs included', () => {
    expect(normalizeLine('\t  total  +=   amount;  ')).toBe('total += amount;');
    expect(lineHash('        total += amount;')).toBe(lineHash('total += amount;'));
    expect(lineHash('total\t+=  amount;')).toBe(lineHash('total += amount;'));
    expect(fingerprintOf(['  if (a) {', '\treturn;', '  }'])).toBe(fingerprintOf(['if (a) {', 'return;', '}']));
  });

  it('change when the text changes, even by one character or by removing a space inside a token gap', () => {
    expect(lineHash('total += amount;')).not.toBe(lineHash('total -= amount;'));
    expect(lineHash('total += amount;')).not.toBe(lineHash('total+=amount;'));
    expect(lineHash('count++;')).not.toBe(lineHash('count--;'));
  });

  it('are one 4-character base64url token per line, separated by single spaces', () => {
    const lines = ['package a;', '', 'class B {', '    int c = 1;', '}'];
    const fingerprint = fingerprintOf(lines);
    expect(fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{4}( [A-Za-z0-9_-]{4}){4}$/);
    expect(fingerprintTokens(fingerprint)).toEqual(lines.map(lineHash));
    expect(fingerprintOf([])).toBe('');
  });

  it('hold the top 24 bits of the FNV-1a hash of the normalized line', () => {
    for (const line of ['', '}', 'return total;', '    private final List<Long> amounts = new ArrayList<>();', 'naïve ünïcode ✓']) {
      const bits = fnv1a(normalizeLine(line)) >>> 8;
      const expected = [18, 12, 6, 0].map((shift) => BASE64URL[(bits >>> shift) & 63]).join('');
      expect(lineHash(line), JSON.stringify(line)).toBe(expected);
    }
  });

  it('keep the values already committed in annotations (changing the hash would invalidate every anchor)', () => {
    expect(lineHash('}')).toBe('-AxI');
    expect(lineHash('return total;')).toBe('BV-0');
  });

  it('reject hand-made values that are not the format', () => {
    for (const bad of ['', 'abc', 'abcd  efgh', 'abcd,efgh', 'abc!', ' abcd']) expect(bad).not.toMatch(FINGERPRINT_PATTERN);
  });
});
