'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** The arrow keys move through a tour. */
export function TourKeys({ previous, next }: { previous: string | null; next: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.key === 'ArrowRight' && next) router.push(next);
      else if (event.key === 'ArrowLeft' && previous) router.push(previous);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router, previous, next]);
  return null;
}
