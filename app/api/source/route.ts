import { type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { sourceFile } from '@/lib/server/runtime';

/**
 * The text of a file of the source, for the code view after a client-side navigation (a full page
 * load carries the text in its HTML). GET /api/source?path=<upstream path>&v=<stamp>
 */
export function GET(request: NextRequest) {
  const path = request.nextUrl.searchParams.get('path');
  if (!path) return badRequest('path is required');
  const file = sourceFile(path);
  if (!file) return badRequest(`no such file in the source: ${path}`);
  if (file.text === null) return badRequest(`${path} is a binary file`);
  return new Response(file.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
