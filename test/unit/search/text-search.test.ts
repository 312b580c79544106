import { describe, expect, it } from 'vitest';
import { QueryError, TextCorpus, cannotMatchNewline, requiredLiteral, requiredLiterals } from '../../../lib/search/text-search';

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
    // 'put' is the longest literal the pattern requires: the two files that contain it are scanned, not the third.
    expect(result.filesScanned).toBe(2);
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
    expect(requiredLiteral('\\w*Service')).toBe('Service');
    expect(requiredLiteral('S\\w*E$')).toBe('S');
    expect(requiredLiteral('ab{0,2}cd')).toBe('cd');
    expect(requiredLiteral('xy+z')).toBe('xy');
    expect(requiredLiteral('[(]Log\\(')).toBe('Log(');
    expect(requiredLiteral('(a(b)c)+defg')).toBe('defg');
    expect(requiredLiterals('new \\w+Exception\\(')).toEqual(['new ', 'Exception(']);
    expect(requiredLiterals('a|b')).toEqual([]);
  });

  it('knows which patterns cannot cross a line break', () => {
    expect(cannotMatchNewline('class \\w+Service')).toBe(true);
    expect(cannotMatchNewline('new .*Exception\\(')).toBe(true);
    expect(cannotMatchNewline('a\\sb')).toBe(false);
    expect(cannotMatchNewline('a\\nb')).toBe(false);
    expect(cannotMatchNewline('a[^;]*;')).toBe(false);
    expect(cannotMatchNewline('a\\Wb')).toBe(false);
    expect(cannotMatchNewline('a\nb')).toBe(false);
  });

  it('scanning only the lines holding the required literal finds exactly what a whole-file scan finds', () => {
    const files = [
      { path: 'x/A.java', text: 'class AService {}\nclass B extends AService { void f() { throw new IllegalStateException("x"); } }\r\nfinal class CService implements Service {}' },
      { path: 'x/B.java', text: 'interface Service {\n  // class fake Service\n  void run() throws IOException;\n}\nclass ZService{}class YService{}\n' },
    ];
    const local = new TextCorpus(files);
    const everywhere = (pattern: string, caseSensitive: boolean) =>
      files.flatMap((file) => {
        const found: string[] = [];
        const lines = file.text.split('\n');
        lines.forEach((line, i) => {
          for (const m of line.matchAll(new RegExp(pattern, caseSensitive ? 'gm' : 'gmi'))) found.push(`${file.path}:${i + 1}:${m.index + 1}:${m[0].length}`);
        });
        return found;
      });
    for (const pattern of ['class \\w+Service', 'new \\w+Exception\\(', '\\bService\\b', 'S\\w*E$', '^class \\w+']) {
      for (const caseSensitive of [false, true]) {
        const result = local.search(pattern, { ...options, regex: true, caseSensitive });
        expect(result.matches.map((m) => `${m.path}:${m.line}:${m.column}:${m.length}`), `${pattern} case=${caseSensitive}`).toEqual(everywhere(pattern, caseSensitive));
      }
    }
  });

  it('finds text that spans lines when the query itself does', () => {
    const local = new TextCorpus([{ path: 'x/A.java', text: `${'x'.repeat(3000)}\nfoo\nbar\n` }]);
    expect(local.search('foo\nbar', options).matches.map((m) => m.line)).toEqual([2]);
    expect(local.search('foo\nba[r]', { ...options, regex: true }).matches.map((m) => m.line)).toEqual([2]);
  });
});
