import { NextResponse, type NextRequest } from 'next/server';
import { badRequest, flag } from '@/lib/server/http';
import { textCorpus } from '@/lib/server/search';
import { QueryError, type TextMatch } from '@/lib/search/text-search';
import '@/lib/server/linear-regex';

const MAX_MATCHES = 1000;
const TIME_BUDGET_MS = 2000;

/**
 * Full-text search over every text file of the source, matches grouped by file in corpus order.
 * GET /api/search?q=<text>&regex=0|1&case=0|1&limit=<n>
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const query = params.get('q') ?? '';
  if (!query.trim()) return badRequest('q is required: the text (or, with regex=1, the regular expression) to find');
  if (query.length > 500) return badRequest('q is longer than 500 characters');
  const limitText = params.get('limit');
  const limit = limitText === null ? 200 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES) return badRequest(`limit must be a whole number from 1 to ${MAX_MATCHES}`);
  const regex = flag(params.get('regex'));
  const caseSensitive = flag(params.get('case'));
  const started = performance.now();
  try {
    const { matches, ...result } = textCorpus().search(query, { regex, caseSensitive, maxMatches: limit, timeBudgetMs: TIME_BUDGET_MS });
    return NextResponse.json({ query, regex, case: caseSensitive, matchCount: matches.length, files: groupByFile(matches), ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 });
  } catch (error) {
    if (error instanceof QueryError) return badRequest(error.message);
    throw error;
  }
}

/** One entry per file (matches arrive in file order), so a path is sent once rather than once per match. */
function groupByFile(matches: readonly TextMatch[]) {
  const files: Array<{ path: string; matches: Array<Omit<TextMatch, 'path'>> }> = [];
  for (const { path, ...rest } of matches) {
    const last = files.at(-1);
    if (last?.path === path) last.matches.push(rest);
    else files.push({ path, matches: [rest] });
  }
  return files;
}
