'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { fuzzyScore, type TreeData } from '@/lib/site/tree-data';
import { loadTree } from './tree-client';

interface Folder {
  name: string;
  path: string;
  folders: Map<string, Folder>;
  files: Array<{ name: string; path: string; annotations: number }>;
  annotations: number;
}

const FILTER_LIMIT = 300;

/**
 * Every file of the source, folders collapsed except those on the way to the current file. Only
 * open folders are rendered, so 2,500 files cost nothing until they are looked at; the filter box
 * lists matching paths flat.
 */
export function FileTree({ current, stamp }: { current: string; stamp: string }) {
  const [data, setData] = useState<TreeData | null>(null);
  const [failed, setFailed] = useState(false);
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Set<string>>(() => new Set(ancestors(current)));

  useEffect(() => {
    loadTree(stamp).then(setData, () => setFailed(true));
  }, [stamp]);

  const root = useMemo(() => (data ? buildTree(data) : null), [data]);
  const matches = useMemo(() => {
    if (!data || !filter.trim()) return null;
    return data.rows
      .map((row) => ({ row, score: fuzzyScore(row[0], filter) }))
      .filter((m) => m.score >= 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, FILTER_LIMIT)
      .map((m) => m.row);
  }, [data, filter]);

  const toggle = (path: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <div>
      <label htmlFor="tree-filter" className="sr-only">
        Filter files
      </label>
      <input id="tree-filter" className="tree-filter" type="search" placeholder={data ? `Filter ${data.rows.length} files` : 'Loading files…'} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {failed ? <p className="muted" style={{ padding: 8 }}>The file list could not be loaded.</p> : null}
      {matches ? (
        <ul className="tree" aria-label="Matching files">
          {matches.map(([path, , count]) => (
            <li key={path}>
              <Link className="tree-row" href={`/code/${path}`} aria-current={path === current ? 'page' : undefined} title={path}>
                <span className="name">{path}</span>
                {count > 0 ? <span className="count-badge" aria-label={`${count} annotations`}>{count}</span> : null}
              </Link>
            </li>
          ))}
          {matches.length === 0 ? <li className="muted" style={{ padding: 8 }}>No file matches.</li> : null}
        </ul>
      ) : root ? (
        <ul className="tree" role="tree" aria-label="Source files">
          <FolderItems folder={root} depth={0} open={open} toggle={toggle} current={current} />
        </ul>
      ) : null}
    </div>
  );
}

function FolderItems({ folder, depth, open, toggle, current }: { folder: Folder; depth: number; open: Set<string>; toggle(path: string): void; current: string }) {
  const pad = { paddingLeft: 8 + depth * 12 };
  return (
    <>
      {[...folder.folders.values()].map((child) => {
        const isOpen = open.has(child.path);
        return (
          <li key={child.path} role="treeitem" aria-expanded={isOpen} aria-selected={false}>
            <button type="button" className="tree-row" style={pad} onClick={() => toggle(child.path)}>
              <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
              <span className="name">{child.name}</span>
              {child.annotations > 0 ? <span className="count-badge" aria-label={`${child.annotations} annotations inside`}>{child.annotations}</span> : null}
            </button>
            {isOpen ? (
              <ul role="group">
                <FolderItems folder={child} depth={depth + 1} open={open} toggle={toggle} current={current} />
              </ul>
            ) : null}
          </li>
        );
      })}
      {folder.files.map((file) => (
        <li key={file.path} role="treeitem" aria-selected={file.path === current}>
          <Link className="tree-row" style={pad} href={`/code/${file.path}`} aria-current={file.path === current ? 'page' : undefined}>
            <span aria-hidden="true"> </span>
            <span className="name">{file.name}</span>
            {file.annotations > 0 ? <span className="count-badge" aria-label={`${file.annotations} annotations`}>{file.annotations}</span> : null}
          </Link>
        </li>
      ))}
    </>
  );
}

/** Folders with a single child folder are shown joined (store/src/main/java/org/apache/rocketmq/store). */
function buildTree(data: TreeData): Folder {
  const root: Folder = { name: '', path: '', folders: new Map(), files: [], annotations: 0 };
  for (const [path, , annotations] of data.rows) {
    const parts = path.split('/');
    let folder = root;
    folder.annotations += annotations;
    for (const part of parts.slice(0, -1)) {
      const childPath = folder.path ? `${folder.path}/${part}` : part;
      let child = folder.folders.get(part);
      if (!child) {
        child = { name: part, path: childPath, folders: new Map(), files: [], annotations: 0 };
        folder.folders.set(part, child);
      }
      child.annotations += annotations;
      folder = child;
    }
    folder.files.push({ name: parts.at(-1)!, path, annotations });
  }
  compact(root);
  return root;
}

function compact(folder: Folder): void {
  for (const [key, child] of [...folder.folders]) {
    let merged = child;
    while (merged.files.length === 0 && merged.folders.size === 1) {
      const only = [...merged.folders.values()][0]!;
      merged = { ...only, name: `${merged.name}/${only.name}` };
    }
    folder.folders.set(key, merged);
    compact(merged);
  }
}

function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
