import type { Metadata } from 'next';
import Link from 'next/link';
import { QueryError } from '@/lib/search/text-search';
import { quickSearch, textCorpus } from '@/lib/server/search';
import '@/lib/server/linear-regex';

export const metadata: Metadata = { title: 'Search', description: 'Search the RocketMQ source: code, symbols, notes, concepts and annotations.' };
export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<{ q?: string; regex?: string; case?: string }>;
}

/** The shareable results page: /search?q=...&regex=1&case=1. Works without JavaScript. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = (params.q ?? '').trim();
  const regex = params.regex === '1';
  const caseSensitive = params.case === '1';
  const { result, error, took } = query ? runSearch(query, regex, caseSensitive) : { result: null, error: null, took: 0 };
  const quick = query ? quickSearch(query, 8) : null;
  const byFile = new Map<string, NonNullable<typeof result>['matches']>();
  for (const match of result?.matches ?? []) byFile.set(match.path, [...(byFile.get(match.path) ?? []), match]);

  return (
    <main className="page">
      <h1>Search</h1>
      <form className="search-form" action="/search" method="get">
        <label htmlFor="search-page-q" className="sr-only">
          Search text
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={query} className="finder-input" placeholder="Text or regular expression" />
        <label>
          <input type="checkbox" name="regex" value="1" defaultChecked={regex} /> Regular expression
        </label>
        <label>
          <input type="checkbox" name="case" value="1" defaultChecked={caseSensitive} /> Match case
        </label>
        <button className="button primary" type="submit">
          Search
        </button>
      </form>
      {error ? <p role="alert" className="state-label" style={{ display: 'inline-block' }}>{error}</p> : null}
      {quick && (quick.symbols.length > 0 || quick.notes.length > 0 || quick.concepts.length > 0 || quick.annotations.length > 0) ? (
        <section className="search-quick" aria-label="Symbols, notes and concepts">
          {([['Symbols', quick.symbols], ['Notes', quick.notes], ['Concepts', quick.concepts], ['Annotations', quick.annotations], ['Files', quick.files]] as const).map(([title, items]) =>
            items.length > 0 ? (
              <div key={title}>
                <h2>{title}</h2>
                <ul>
                  {items.map((item) => (
                    <li key={item.href + item.label}>
                      <Link href={item.href}>{item.label}</Link> <span className="muted">{item.detail}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      ) : null}
      {result ? (
        <section aria-labelledby="code-results">
          <h2 id="code-results">
            Code: {result.matches.length} match{result.matches.length === 1 ? '' : 'es'} in {byFile.size} file{byFile.size === 1 ? '' : 's'}{' '}
            <span className="muted" style={{ fontWeight: 400, fontSize: 13 }}>
              ({took.toFixed(0)} ms{result.truncated ? `; ${result.reason}` : ''})
            </span>
          </h2>
          {[...byFile].map(([path, matches]) => (
            <div key={path} className="result-file">
              <h3>
                <Link href={`/code/${path}`}>{path}</Link>
              </h3>
              <ol className="result-lines">
                {matches.map((m) => (
                  <li key={`${m.line}:${m.column}`}>
                    <Link href={`/code/${path}#L${m.line}`}>
                      <span className="ln">{m.line}</span>
                      <code>
                        {m.preview.slice(0, m.previewStart)}
                        <mark>{m.preview.slice(m.previewStart, m.previewStart + m.length)}</mark>
                        {m.preview.slice(m.previewStart + m.length)}
                      </code>
                    </Link>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ) : null}
    </main>
  );
}

function runSearch(query: string, regex: boolean, caseSensitive: boolean) {
  const started = performance.now();
  try {
    const result = textCorpus().search(query, { regex, caseSensitive, maxMatches: 500, timeBudgetMs: 2000 });
    return { result, error: null, took: performance.now() - started };
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    return { result: null, error: e.message, took: performance.now() - started };
  }
}
