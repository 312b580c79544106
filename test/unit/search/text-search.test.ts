import { describe, expect, it } from 'vitest';
import { QueryError, TextCorpus, requiredLiteral } from '../../../lib/search/text-search';

const corpus = new TextCorpus([
  { path: 'a/Log.java', text: 'class Log {\n  void putMessage() {}\n  void putMessages() {}\n}\n' },
  { path: 'b/Queue.java', text: 'class Queue {\n  // PutMessage in a comment\n  int size;\n}\n' },
  { path: 'c/Notes.md', text: 'nothing here\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n' },
]);
const options = { regex: false, caseSensitive: false, maxMatches: 100, timeBudgetMs: 1000 };

describe('full-text search', () => {
  it('finds a literal in every file, with 1-based line and column, and the line as preview', () => {
    const result = corpus.search('putmessage', options);
    expect(result.matches.map((m) => [m.path, m.line, m.column])).toEqual([
      ['a/Log.java', 2, 8],
      ['a/Log.java', 3, 8],
      ['b/Queue.java', 2, 6],
    ]);
    expect(result.matches[0]!.preview.slice(result.matches[0]!.previewStart, result.matches[0]!.previewStart + result.matches[0]!.length)).toBe('putMessage');
    expect(result.filesMatched).toBe(2);
  });

  it('matches case when asked', () => {
    expect(corpus.search('PutMessage', { ...options, caseSensitive: true }).matches.map((m) => m.path)).toEqual(['b/Queue.java']);
  });

  it('narrows by trigrams before scanning: a query absent from the text scans no file', () => {
    expect(corpus.search('zzzqqq', options).filesScanned).toBe(0);
  });

  it('runs regular expressions, using their required literal to narrow the files', () => {
    const result = corpus.search('put\\w+s\\(', { ...options, regex: true });
    expect(result.matches.map((m) => [m.line, m.length])).toEqual([[3, 12]]);
    expect(result.filesScanned).toBe(1);
  });

  it('refuses what could run away, with a message', () => {
    expect(() => corpus.search('(a)\\1', { ...options, regex: true })).toThrow(QueryError);
    expect(() => corpus.search('(?<=a)b', { ...options, regex: true })).toThrow(/lookahead and lookbehind/);
    expect(() => corpus.search('([a-', { ...options, regex: true })).toThrow(/invalid regular expression/);
  });

  it('stops at the match limit and says so', () => {
    const result = corpus.search('a', { ...options, maxMatches: 5 });
    expect(result.matches).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expect(result.reason).toMatch(/more than 5 matches/);
  });

  it('extracts the literal a regex requires, or nothing when alternation or optional parts make it unsafe', () => {
    expect(requiredLiteral('asyncPutMessage\\(')).toBe('asyncPutMessage(');
    expect(requiredLiteral('class \\w+Service')).toBe('Service');
    expect(requiredLiteral('a|b')).toBe('');
    expect(requiredLiteral('(foo)?bar')).toBe('bar');
    expect(requiredLiteral('colou?r')).toBe('colo');
  });
});
