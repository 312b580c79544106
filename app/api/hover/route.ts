import { NextResponse, type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { hoverInfo } from '@/lib/server/navigation';

/** Signature, first javadoc sentence and counts for a hover card. GET /api/hover?symbol=<id> */
export function GET(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('symbol')?.replace(/\s+/g, '');
  if (!id) return badRequest('symbol is required');
  const info = hoverInfo(id);
  return info ? NextResponse.json(info) : badRequest(`no symbol ${id} in the source`);
}
