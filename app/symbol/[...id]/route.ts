import { NextResponse, type NextRequest } from 'next/server';
import { locate } from '@/lib/server/navigation';

/** /symbol/<symbol id> redirects to the declaration in the code view. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string[] }> }) {
  const raw = (await params).id.map((part) => decodeURIComponent(part)).join('/');
  const location = locate(raw.replace(/\s+/g, ''));
  if (!location) return NextResponse.json({ error: `no symbol ${raw} in the source` }, { status: 404 });
  return NextResponse.redirect(new URL(location.href, request.url), 307);
}
