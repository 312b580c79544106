'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OutlineEntry } from '@/lib/site/types';
import { FileTree } from './FileTree';

const TAB_KEY = 'rocketmq:side-tab';

const KIND_LETTER: Record<string, string> = { class: 'C', interface: 'I', enum: 'E', record: 'R', annotation: '@', method: 'm', constructor: 'c', field: 'f', enumConstant: 'e' };

const subscribeToNothing = () => () => {};

function readRememberedTab(): 'files' | 'outline' | null {
  try {
    const value = sessionStorage.getItem(TAB_KEY);
    return value === 'files' || value === 'outline' ? value : null;
  } catch {
    return null; // Storage may be blocked; the default tab stands.
  }
}

/** The code view's left panel: the file tree and the file's outline, in tabs. */
export function SidePanel({ path, stamp, outline }: { path: string; stamp: string; outline: OutlineEntry[] }) {
  // The remembered tab is read through useSyncExternalStore so the hydrating render matches the server's.
  const remembered = useSyncExternalStore(subscribeToNothing, readRememberedTab, () => null);
  const [chosen, setChosen] = useState<'files' | 'outline' | null>(null);
  const tab = outline.length === 0 ? 'files' : (chosen ?? remembered ?? 'outline');
  const setTab = (next: 'files' | 'outline') => {
    setChosen(next);
    try {
      sessionStorage.setItem(TAB_KEY, next);
    } catch {
      // Without storage the tab is simply not remembered.
    }
  };
  // On narrow screens the panel is a drawer, closed until asked for. Nothing rendered depends on
  // this state (it only sets an attribute on the page), so it may differ from the server's value.
  const [open, setOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia('(max-width: 900px)').matches);

  useEffect(() => {
    const page = document.querySelector<HTMLElement>('.code-page');
    if (page) page.dataset.tree = open ? 'open' : 'closed';
  }, [open]);

  useEffect(() => {
    const toggle = () => setOpen((value) => !value);
    const closeDrawerOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && window.matchMedia('(max-width: 900px)').matches) setOpen(false);
    };
    window.addEventListener('rocketmq:toggle-panel', toggle);
    window.addEventListener('keydown', closeDrawerOnEscape);
    return () => {
      window.removeEventListener('rocketmq:toggle-panel', toggle);
      window.removeEventListener('keydown', closeDrawerOnEscape);
    };
  }, []);

  // On a phone the drawer covers the code, so following a link in it also puts it away.
  const closeDrawerAfterFollowingLink = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest('a') && window.matchMedia('(max-width: 900px)').matches) setOpen(false);
  };

  return (
    <nav className="side-panel" aria-label="Files and outline" onClick={closeDrawerAfterFollowingLink}>
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
              <a key={entry.id} className="outline-row" href={`#L${entry.line}`} style={{ paddingLeft: 8 + entry.depth * 14 }} title={entry.id}>
                <span className="kind" aria-label={entry.kind}>
                  {KIND_LETTER[entry.kind] ?? '·'}
                </span>
                {entry.name}
              </a>
            ))}
          </div>
        )}
      </div>
    </nav>
  );
}
