import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentStamp, readIndex, requireCurrentIndex } from '../../lib/index/read';
import { parseJava } from '../../lib/ingest/parse-one';
import { decodeSource } from '../../lib/java/decode';
import { javaParser } from '../../lib/java/parser';
import { extractFacts } from '../../lib/java/symbols';
import type { JavaFileFacts } from '../../lib/java/types';

/*
 * The symbol index parses only declarations (bodies that declare no type, comments and plain
 * imports are left out). Over every Java file of the pinned source, that must give exactly the
 * facts a parse of the whole text gives, syntax problems aside: those inside left-out bodies are
 * only looked for when cross-references are built.
 */
const stamp = currentStamp();
const haveIndex = stamp !== null && readIndex(stamp) !== null;

describe.skipIf(!haveIndex)('the declaration-only parse over the pinned source', () => {
  it('gives every file the symbols, imports and package a full parse gives', async () => {
    const index = requireCurrentIndex();
    const parser = await javaParser();
    const javaFiles = index.files.filter((file) => file.kind === 'java');
    expect(javaFiles.length).toBeGreaterThan(1000);
    const different: string[] = [];
    for (const file of javaFiles) {
      const text = decodeSource(fs.readFileSync(path.join(index.manifest.root, file.path))).text;
      const reduced = JSON.parse((await parseJava({ key: file.sha1, text })).json) as JavaFileFacts;
      const tree = parser.parse(text)!;
      const full = extractFacts(tree, text);
      tree.delete();
      const comparable = (facts: JavaFileFacts) => JSON.stringify({ ...facts, syntaxProblems: null });
      if (comparable(reduced) !== comparable(full)) different.push(file.path);
    }
    expect(different).toEqual([]);
  }, 180_000);
});
