'use client';

import { useEffect, useState } from 'react';
import { FileFinder } from './FileFinder';

/** `/` and Ctrl-K focus search, `t` opens the file finder, Esc closes it. */
export function GlobalShortcuts({ stamp }: { stamp: string }) {
  const [finderOpen, setFinderOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        document.getElementById('site-search')?.focus();
        return;
      }
      if (typing || event.altKey || event.ctrlKey || event.metaKey) {
        if (event.key === 'Escape' && target instanceof HTMLInputElement && target.id === 'site-search') target.blur();
        return;
      }
      if (event.key === 'Escape') {
        setFinderOpen(false);
      } else if (event.key === '/') {
        event.preventDefault();
        document.getElementById('site-search')?.focus();
      } else if (event.key === 't') {
        event.preventDefault();
        setFinderOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return finderOpen ? <FileFinder stamp={stamp} onClose={() => setFinderOpen(false)} /> : null;
}
