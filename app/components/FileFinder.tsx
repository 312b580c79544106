'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fuzzyScore, type TreeData } from '@/lib/site/tree-data';
import { loadTree } from './tree-client';

const LIMIT = 50;

/** Jump to any file by typing parts of its path (the `t` shortcut). */
export function FileFinder({ stamp, onClose }: { stamp: string; onClose: () => void }) {
  const router = useRouter();
  const [tree, setTree] = useState<TreeData | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    loadTree(stamp).then(setTree, () => setTree({ stamp, rows: [] }));
  }, [stamp]);

  const results = useMemo(() => {
    if (!tree) return [];
    if (!query.trim()) return tree.rows.filter((row) => row[2] > 0).slice(0, LIMIT).map((row) => row[0]);
    return tree.rows
      .map((row) => ({ path: row[0], score: fuzzyScore(row[0], query) }))
      .filter((r) => r.score >= 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, LIMIT)
      .map((r) => r.path);
  }, [tree, query]);

  const open = (path: string | undefined) => {
    if (!path) return;
    onClose();
    router.push(`/code/${path}`);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="finder-title">
        <h2 id="finder-title">Go to file</h2>
        <input
          ref={input}
          className="finder-input"
          aria-label="File path"
          aria-controls="finder-results"
          placeholder={tree ? `Type parts of a path (${tree.rows.length} files)` : 'Loading files…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setSelected((s) => Math.min(s + 1, results.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setSelected((s) => Math.max(s - 1, 0));
            } else if (e.key === 'Enter') open(results[selected]);
          }}
        />
        <ul id="finder-results" className="finder-results" role="listbox" aria-label="Matching files">
          {results.map((path, i) => (
            <li key={path} role="none">
              <a
                role="option"
                aria-selected={i === selected}
                href={`/code/${path}`}
                onClick={(e) => {
                  e.preventDefault();
                  open(path);
                }}
              >
                {path}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
