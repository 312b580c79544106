'use client';

import { useEffect, useSyncExternalStore } from 'react';

type Progress = 'unread' | 'started' | 'read';

const KEY = 'reading-progress';

/** Per-chapter progress kept in this browser: started when opened, read when its end was reached. */
export function readProgress(): Record<string, Progress> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, Progress>;
  } catch {
    return {};
  }
}

export function markProgress(slug: string, progress: Progress): void {
  try {
    const all = readProgress();
    if (all[slug] === 'read' && progress !== 'read') return;
    all[slug] = progress;
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage unavailable: progress is not remembered.
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

export function ReadingProgress({ slug }: { slug: string }) {
  const progress = useSyncExternalStore<Progress>(subscribe, () => readProgress()[slug] ?? 'unread', () => 'unread');
  const label = progress === 'read' ? 'Read' : progress === 'started' ? 'Started' : 'Not started';
  return (
    <span className="progress-pill" data-state={progress}>
      {label}
    </span>
  );
}

/** Placed at the end of a note: marks it started on open and read once the end scrolls into view. */
export function ProgressTracker({ slug }: { slug: string }) {
  useEffect(() => {
    markProgress(slug, 'started');
    const end = document.getElementById('note-end');
    if (!end) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) markProgress(slug, 'read');
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [slug]);
  return <div id="note-end" aria-hidden="true" />;
}
