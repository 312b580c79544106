import { NextResponse, type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { fileLinks } from '@/lib/server/navigation';
import { runtime } from '@/lib/server/runtime';

/** A file's identifiers that have a definition, with their targets as links. GET /api/xrefs?path=<path>&v=<stamp> */
export function GET(request: NextRequest) {
  const path = request.nextUrl.searchParams.get('path');
  if (!path) return badRequest('path is required');
  if (!runtime().filesByPath.has(path)) return badRequest(`no such file in the source: ${path}`);
  const links = fileLinks(path) ?? { refs: [], paths: [], targets: [] };
  return NextResponse.json(links, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
