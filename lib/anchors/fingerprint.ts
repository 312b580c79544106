/**
 * A fingerprint records what anchored lines said, without copying them: one short hash per line.
 * Lines are compared after trimming and collapsing whitespace, so re-indentation is not a change.
 *
 * Format: one token per line, separated by single spaces; each token is 4 base64url characters
 * holding 24 bits of the FNV-1a hash of the normalized line. Example for three lines:
 * `kX3a 0f_Q Zz01`.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const FINGERPRINT_PATTERN = /^[A-Za-z0-9_-]{4}( [A-Za-z0-9_-]{4})*$/;

export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

export function lineHash(line: string): string {
  const normal = normalizeLine(line);
  let hash = 0x811c9dc5;
  for (let i = 0; i < normal.length; i++) {
    hash ^= normal.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const bits = hash >>> 8;
  return ALPHABET[(bits >>> 18) & 63]! + ALPHABET[(bits >>> 12) & 63]! + ALPHABET[(bits >>> 6) & 63]! + ALPHABET[bits & 63]!;
}

/** The fingerprint of the given lines (their text, not their numbers). */
export function fingerprintOf(lines: readonly string[]): string {
  return lines.map(lineHash).join(' ');
}

export function fingerprintTokens(fingerprint: string): string[] {
  return fingerprint.split(' ');
}
