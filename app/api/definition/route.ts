import { NextResponse, type NextRequest } from 'next/server';
import { badRequest, positiveInt } from '@/lib/server/http';
import { definitionAt, locate } from '@/lib/server/navigation';
import { runtime } from '@/lib/server/runtime';

/**
 * Go to definition. GET /api/definition?path=<upstream path>&line=<n>&col=<n> (1-based), or
 * ?symbols=<id>|<id> to list the candidates of an ambiguous reference.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const symbols = params.get('symbols');
  if (symbols) return NextResponse.json({ kind: 'ambiguous', candidates: symbols.split('|').map(locate).filter(Boolean) });
  const path = params.get('path');
  if (!path) return badRequest('path is required: an upstream file path like store/src/main/java/org/apache/rocketmq/store/CommitLog.java');
  if (!runtime().filesByPath.has(path)) return badRequest(`no such file in the source: ${path}`);
  const line = positiveInt(params.get('line'), 'line');
  if (typeof line === 'string') return badRequest(line);
  const column = positiveInt(params.get('col'), 'col');
  if (typeof column === 'string') return badRequest(column);
  const definition = definitionAt(path, line, column);
  return NextResponse.json(definition ?? { kind: 'none' });
}
