import fs from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';

/*
 * A path under /code that the source index does not list is rewritten to a URL no route matches,
 * which Next.js answers with the app's not-found page and a 404. The code route could raise the 404
 * itself, but Next.js then sends an empty shell that needs JavaScript to show anything. This reads
 * only the index's file list (cached per index), never a file of the source.
 */
let known: { stamp: string; paths: Set<string> } | undefined;

function knownPaths(): Set<string> | null {
  const root = path.resolve(process.env.ROCKETMQ_LEARNING_ROOT ?? process.cwd());
  try {
    const { stamp } = JSON.parse(fs.readFileSync(path.join(root, '.data', 'current.json'), 'utf8')) as { stamp: string };
    if (known?.stamp !== stamp) {
      const files = JSON.parse(fs.readFileSync(path.join(root, '.data', 'index', stamp, 'files.json'), 'utf8')) as Array<{ path: string }>;
      known = { stamp, paths: new Set(files.map((f) => f.path)) };
    }
    return known.paths;
  } catch {
    return null;
  }
}

export function proxy(request: NextRequest) {
  const paths = knownPaths();
  if (!paths) return NextResponse.next();
  const raw = request.nextUrl.pathname.slice('/code/'.length);
  let upstreamPath: string;
  try {
    upstreamPath = raw.split('/').map((segment) => decodeURIComponent(segment)).join('/');
  } catch {
    upstreamPath = raw;
  }
  if (paths.has(upstreamPath)) return NextResponse.next();
  // A path no route matches: Next.js answers it with the app's not-found page and a 404.
  return NextResponse.rewrite(new URL('/_no-such-file', request.url));
}

export const config = { matcher: '/code/:path+' };
