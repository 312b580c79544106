/**
 * Turns a source file's bytes into text the same way everywhere (ingest, checker, server), so that
 * line and column numbers agree. UTF-8 is the rule in RocketMQ; a file that is not valid UTF-8 is
 * read as Latin-1 (every byte is a character, nothing is lost) and flagged. A byte-order mark is
 * dropped.
 */
export interface DecodedSource {
  text: string;
  encoding: 'utf-8' | 'latin1';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('latin1');

export function decodeSource(bytes: Uint8Array): DecodedSource {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: latin1.decode(bytes), encoding: 'latin1' };
  }
}

/** Heuristic used for the file list: a NUL byte in the first 8 KiB means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).indexOf(0) >= 0;
}
