import { NextResponse } from 'next/server';
import { runtime } from '@/lib/server/runtime';
import { TREE_KIND, type TreeData } from '@/lib/site/tree-data';

/** Every file of the source with its kind and annotation count; immutable per source stamp. */
export function GET(): NextResponse<TreeData> {
  const { index, site } = runtime();
  const rows: TreeData['rows'] = index.files.map((file) => [file.path, TREE_KIND[file.kind], site.files[file.path]?.annotations.length ?? 0]);
  return NextResponse.json({ stamp: index.manifest.stamp, rows }, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
