'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { OutlineEntry } from '@/lib/site/types';
import { FileTree } from './FileTree';

const KIND_LETTER: Record<string, string> = { class: 'C', interface: 'I', enum: 'E', record: 'R', annotation: '@', method: 'm', constructor: 'c', field: 'f', enumConstant: 'e' };

/** The code view's left panel: the file tree and the file's outline, in tabs. */
export function SidePanel({ path, stamp, outline }: { path: string; stamp: string; outline: OutlineEntry[] }) {
  const [tab, setTab] = useState<'files' | 'outline'>(outline.length > 0 ? 'outline' : 'files');
  // On narrow screens the panel is a drawer, closed until asked for. Nothing rendered depends on
  // this state (it only sets an attribute on the page), so it may differ from the server's value.
  const [open, setOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia('(max-width: 900px)').matches);

  useEffect(() => {
    const page = document.querySelector<HTMLElement>('.code-page');
    if (page) page.dataset.tree = open ? 'open' : 'closed';
  }, [open]);

  useEffect(() => {
    const toggle = () => setOpen((value) => !value);
    window.addEventListener('rocketmq:toggle-panel', toggle);
    return () => window.removeEventListener('rocketmq:toggle-panel', toggle);
  }, []);

  return (
    <nav className="side-panel" aria-label="Files and outline">
      <div className="panel-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'files'} aria-controls="panel-files" id="tab-files" onClick={() => setTab('files')}>
          Files
        </button>
        <button type="button" role="tab" aria-selected={tab === 'outline'} aria-controls="panel-outline" id="tab-outline" onClick={() => setTab('outline')} disabled={outline.length === 0}>
          Outline
        </button>
      </div>
      <div className="panel-body" role="tabpanel" id={tab === 'files' ? 'panel-files' : 'panel-outline'} aria-labelledby={tab === 'files' ? 'tab-files' : 'tab-outline'}>
        {tab === 'files' ? (
          <FileTree current={path} stamp={stamp} />
        ) : (
          <div>
            {outline.map((entry) => (
              <Link key={entry.id} className="outline-row" href={`#L${entry.line}`} style={{ paddingLeft: 8 + entry.depth * 14 }} title={entry.id}>
                <span className="kind" aria-label={entry.kind}>
                  {KIND_LETTER[entry.kind] ?? '·'}
                </span>
                {entry.name}
              </Link>
            ))}
          </div>
        )}
      </div>
    </nav>
  );
}
