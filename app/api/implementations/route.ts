import { NextResponse, type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { implementationsOf, locate } from '@/lib/server/navigation';

/** Subtypes and implementing methods, and what a method overrides. GET /api/implementations?symbol=<id> */
export function GET(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('symbol')?.replace(/\s+/g, '');
  if (!id) return badRequest('symbol is required');
  const declaration = locate(id);
  if (!declaration) return badRequest(`no symbol ${id} in the source`);
  return NextResponse.json({ symbol: declaration, ...implementationsOf(id) });
}
