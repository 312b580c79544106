import { NextResponse, type NextRequest } from 'next/server';
import { quickSearch } from '@/lib/server/search';

/** The search box's suggestions: files, symbols, concepts, notes, annotations. GET /api/quick?q=<text> */
export function GET(request: NextRequest) {
  const started = performance.now();
  const results = quickSearch(request.nextUrl.searchParams.get('q') ?? '');
  return NextResponse.json({ ...results, tookMs: Math.round((performance.now() - started) * 100) / 100 });
}
