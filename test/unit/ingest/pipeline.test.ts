import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../lib/cli/errors';
import { ingest } from '../../../lib/ingest';
import { ParsePool } from '../../../lib/ingest/3.parse-java';
import { parseJava } from '../../../lib/ingest/parse-one';
import { FILES_FILE, JAVA_FILE, MANIFEST_FILE } from '../../../lib/index/paths';
import { currentStamp, readIndex } from '../../../lib/index/read';
import type { UpstreamSource } from '../../../lib/upstream';
import { XREF_FILE, XREF_IR_FILE } from '../../../lib/xref/format';
import { fixtureBytes } from '../../helpers/java';
import { listTree, makeTempDir, removeTempDirs, setEnv, writeTree } from '../../helpers/temp';

/*
 * Each test builds a small source tree from the fixtures and ingests it into a project folder of
 * its own (ROCKETMQ_LEARNING_ROOT), so .data/ never lands in the repository.
 */
let project = '';
let restoreEnv: () => void = () => {};

beforeEach(() => {
  project = makeTempDir('project');
  restoreEnv = setEnv({ ROCKETMQ_LEARNING_ROOT: project });
});

afterEach(() => {
  restoreEnv();
  removeTempDirs();
});

const TREE = {
  'nesting/Nesting.java': 'nested-classes/Nesting.java',
  'broken/Broken.java': 'syntax-error/Broken.java',
  'latin1/Latin1Comment.java': 'latin1-bytes/Latin1Comment.java',
  'records/Range.java': 'records/Range.java',
} as const;

function makeTree(): string {
  const root = makeTempDir('tree');
  writeTree(root, Object.fromEntries(Object.entries(TREE).map(([to, from]) => [to, fixtureBytes(from)])));
  writeTree(root, {
    'README.md': '# A tree\n\ntwo lines of text\n',
    'assets/logo.bin': new Uint8Array([0x89, 0x50, 0x00, 0x01, 0x02]),
    // Never part of the source: tool folders are skipped.
    '.git/config': '[core]\n',
    'node_modules/dep/Ignored.java': 'class Ignored {}\n',
  });
  return root;
}

function sourceAt(root: string, commit: string | null = null): UpstreamSource {
  return { root, route: 'env', tag: 'rocketmq-all-0.0.0', version: '0.0.0', commit, description: 'a test tree' };
}

const sha1 = (bytes: Uint8Array) => crypto.createHash('sha1').update(bytes).digest('hex');

async function symbolCount(text: string): Promise<number> {
  return (await parseJava({ key: 'count', text })).symbolCount;
}

/** Modification times of everything in an index folder, to prove a run wrote nothing. */
function snapshot(dir: string): Record<string, number> {
  return Object.fromEntries(listTree(dir).map((file) => [file, fs.statSync(path.join(dir, file)).mtimeMs]));
}

describe('ingest', () => {
  it('indexes a tree: counts, file kinds, facts by content hash, syntax errors, current index', async () => {
    const root = makeTree();
    const result = await ingest(sourceAt(root), { makeCurrent: true, threads: 1 });

    let expectedSymbols = 0;
    for (const file of Object.keys(TREE)) expectedSymbols += await symbolCount(fs.readFileSync(path.join(root, file), 'latin1'));
    expect(result).toMatchObject({ files: 6, javaFiles: 4, symbols: expectedSymbols, parsed: 4, reused: 0, unchanged: false });
    expect(result.stamp).toMatch(/^local-[0-9a-f]{12}$/);
    expect(result.filesWithSyntaxErrors.map((f) => f.path)).toEqual(['broken/Broken.java']);
    expect(result.filesWithSyntaxErrors[0]!.problems[0]!.line).toBe(8);
    expect(result.dir).toBe(path.join(project, '.data', 'index', result.stamp));
    expect(currentStamp()).toBe(result.stamp);

    const index = readIndex(result.stamp);
    expect(index).not.toBeNull();
    expect(index!.manifest.counts).toEqual({ files: 6, javaFiles: 4, symbols: expectedSymbols, filesWithSyntaxErrors: 1 });
    expect(index!.manifest.root).toBe(path.resolve(root));
    expect(index!.files.map((f) => f.path)).toEqual([
      'README.md',
      'assets/logo.bin',
      'broken/Broken.java',
      'latin1/Latin1Comment.java',
      'nesting/Nesting.java',
      'records/Range.java',
    ]);
    const byPath = new Map(index!.files.map((f) => [f.path, f]));
    // Three lines: the final newline ends the third line, it does not start a fourth.
    expect(byPath.get('README.md')).toMatchObject({ kind: 'text', lines: 3 });
    expect(byPath.get('assets/logo.bin')).toMatchObject({ kind: 'binary', lines: 0, size: 5 });
    expect(byPath.get('latin1/Latin1Comment.java')).toMatchObject({ kind: 'java', encoding: 'latin1' });
    expect(byPath.get('nesting/Nesting.java')!.encoding).toBeUndefined();
    expect(byPath.get('broken/Broken.java')!.syntaxProblems?.[0]?.line).toBe(8);
    expect(byPath.get('nesting/Nesting.java')!.syntaxProblems).toBeUndefined();

    for (const file of Object.keys(TREE)) {
      const entry = byPath.get(file)!;
      expect(entry.sha1).toBe(sha1(fs.readFileSync(path.join(root, file))));
      const facts = index!.java[entry.sha1];
      expect(facts?.symbols.length).toBe(entry.symbols);
    }
    const nesting = index!.java[byPath.get('nesting/Nesting.java')!.sha1]!;
    expect(nesting.symbols.find((s) => s.id === 'org.example.nesting.Nesting.StaticNested.InnerOfNested.Deeper#call()')?.range[0]).toBe(13);
    const latin1 = index!.java[byPath.get('latin1/Latin1Comment.java')!.sha1]!;
    expect(latin1.symbols.find((s) => s.id === 'org.example.latin1.Latin1Comment#afterComment')?.nameRange).toEqual([5, 20, 5, 32]);
  });

  it('uses the commit as the stamp when it is known, and leaves the current index alone unless asked', async () => {
    const root = makeTree();
    const commit = 'a'.repeat(40);
    const result = await ingest(sourceAt(root, commit), { makeCurrent: false, threads: 1 });
    expect(result.stamp).toBe(commit);
    expect(readIndex(commit)?.manifest.commit).toBe(commit);
    expect(currentStamp()).toBeNull();
  });

  it('reports a second run over an unchanged tree as unchanged and writes nothing', async () => {
    const root = makeTree();
    const first = await ingest(sourceAt(root), { makeCurrent: true, threads: 1 });
    const before = snapshot(first.dir);
    expect(Object.keys(before).sort()).toEqual([FILES_FILE, JAVA_FILE, MANIFEST_FILE, XREF_FILE, XREF_IR_FILE].sort());

    // Such a run reads the previous file list and nothing else: no source file, no facts.
    const reads = vi.spyOn(fs, 'readFileSync');
    let second;
    let read: string[];
    try {
      second = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
      read = reads.mock.calls.map(([file]) => path.relative(project, String(file)).split(path.sep).join('/'));
    } finally {
      reads.mockRestore();
    }
    expect(read.filter((file) => file.startsWith('..'))).toEqual([]);
    expect(read.filter((file) => file.endsWith(JAVA_FILE))).toEqual([]);
    expect(read).toContain(`.data/index/${first.stamp}/${FILES_FILE}`);
    expect(second).toMatchObject({ unchanged: true, parsed: 0, reused: 4, files: 6, javaFiles: 4, symbols: first.symbols, dir: first.dir });
    expect(second.filesWithSyntaxErrors.map((f) => f.path)).toEqual(['broken/Broken.java']);
    expect(snapshot(first.dir)).toEqual(before);
  });

  it('re-reads a file whose time changed but not its content, and parses nothing', async () => {
    const root = makeTree();
    await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    const file = path.join(root, 'records/Range.java');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    const again = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    expect(again).toMatchObject({ parsed: 0, reused: 4, unchanged: true });
  });

  it('re-parses exactly the file whose content changed', async () => {
    const root = makeTree();
    const first = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    const file = path.join(root, 'nesting/Nesting.java');
    const oldSha = sha1(fs.readFileSync(file));
    const edited = fs.readFileSync(file, 'utf8').replace('class SecondTopLevel {', 'class SecondTopLevel {\n    void added() {}');
    fs.writeFileSync(file, edited);

    const second = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    expect(second).toMatchObject({ parsed: 1, reused: 3, unchanged: false, javaFiles: 4, symbols: first.symbols + 1 });
    const index = readIndex(second.stamp)!;
    const entry = index.files.find((f) => f.path === 'nesting/Nesting.java')!;
    expect(entry.sha1).toBe(sha1(Buffer.from(edited)));
    expect(index.java[oldSha]).toBeUndefined();
    const added = index.java[entry.sha1]!.symbols.find((s) => s.id === 'org.example.nesting.SecondTopLevel#added()');
    expect(added?.range[0]).toBe(edited.split('\n').findIndex((line) => line.includes('void added()')) + 1);
    // The other files' facts were carried over, not lost.
    expect(Object.keys(index.java)).toHaveLength(4);
  });

  it('drops a deleted file from the index', async () => {
    const root = makeTree();
    const first = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    const removed = path.join(root, 'records/Range.java');
    const removedSha = sha1(fs.readFileSync(removed));
    const removedSymbols = await symbolCount(fs.readFileSync(removed, 'utf8'));
    fs.rmSync(removed);

    const second = await ingest(sourceAt(root), { makeCurrent: false, threads: 1 });
    expect(second).toMatchObject({ unchanged: false, parsed: 0, files: 5, javaFiles: 3, symbols: first.symbols - removedSymbols });
    const index = readIndex(second.stamp)!;
    expect(index.files.map((f) => f.path)).not.toContain('records/Range.java');
    expect(index.java[removedSha]).toBeUndefined();
    expect(index.manifest.counts.javaFiles).toBe(3);
  });

  it('refuses a tree without Java files with a user error', async () => {
    const root = makeTempDir('no-java');
    writeTree(root, { 'README.md': 'nothing to see\n', 'docs/notes.txt': 'still nothing\n' });
    const attempt = ingest(sourceAt(root), { makeCurrent: true, threads: 1 });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(/no \.java files/);
    expect(currentStamp()).toBeNull();
    expect(fs.existsSync(path.join(project, '.data', 'index'))).toBe(false);
  });

  it('uses the threads a caller started early when it parses everything, and closes them either way', async () => {
    const root = makeTree();
    const early = ParsePool.create(2);
    const close = vi.spyOn(await early, 'close');
    const cold = await ingest(sourceAt(root), { makeCurrent: false, xrefs: false, pool: early });
    expect(cold).toMatchObject({ parsed: 4, unchanged: false });
    expect(close).toHaveBeenCalled();

    const unused = ParsePool.create(2);
    const closeUnused = vi.spyOn(await unused, 'close');
    const warm = await ingest(sourceAt(root), { makeCurrent: false, xrefs: false, pool: unused });
    expect(warm.unchanged).toBe(true);
    expect(closeUnused).toHaveBeenCalled();
  });

  it('parses on worker threads from a project folder outside the repository, with the same facts', async () => {
    // 64 files or more go to the worker pool; its bundle must still find the project's packages.
    const root = makeTempDir('many');
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) {
      files[`p/C${i}.java`] = `package p;\n\n/** Class ${i}. */\nclass C${i} {\n    int f${i};\n    void m${i}(int[] a, String... b) { Runnable r = new Runnable() { public void run() {} }; }\n}\n`;
    }
    writeTree(root, files);
    const threaded = await ingest(sourceAt(root), { makeCurrent: false, threads: 2 });
    expect(threaded).toMatchObject({ javaFiles: 80, parsed: 80, symbols: 80 * 6 });
    const index = readIndex(threaded.stamp)!;
    for (const i of [0, 41, 79]) {
      const text = files[`p/C${i}.java`]!;
      const inProcess = JSON.parse((await parseJava({ key: 'x', text })).json) as unknown;
      expect(index.java[sha1(Buffer.from(text))]).toEqual(inProcess);
    }
  });
});
