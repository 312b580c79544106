import { NextResponse, type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { symbolSearch } from '@/lib/server/search';
import { urls } from '@/lib/site/urls';

/** Symbols by name, camelCase-aware. GET /api/symbols?q=<name>&limit=<n> */
export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams.get('q') ?? '';
  if (!query.trim()) return badRequest('q is required: a symbol name or its camel-case initials (aPM finds asyncPutMessage)');
  const limitText = request.nextUrl.searchParams.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return badRequest('limit must be a whole number from 1 to 500');
  const started = performance.now();
  const hits = symbolSearch().search(query, limit);
  return NextResponse.json({
    query,
    results: hits.map((hit) => ({ ...hit, href: urls.code(hit.path, [hit.line, hit.line]) })),
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
}
