import { NextResponse, type NextRequest } from 'next/server';
import { badRequest } from '@/lib/server/http';
import { locate, referencesTo } from '@/lib/server/navigation';

/** Every use of a declaration, grouped by file. GET /api/references?symbol=<symbol id> */
export function GET(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('symbol')?.replace(/\s+/g, '');
  if (!id) return badRequest('symbol is required: a symbol id like org.apache.rocketmq.store.CommitLog#asyncPutMessage(MessageExtBrokerInner)');
  const declaration = locate(id);
  if (!declaration) return badRequest(`no symbol ${id} in the source`);
  return NextResponse.json({ symbol: declaration, ...referencesTo(id) });
}
