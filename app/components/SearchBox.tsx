'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** The header search field; `/` and Ctrl-K (Cmd-K) focus it from anywhere. */
export function SearchBox() {
  const router = useRouter();
  const [query, setQuery] = useState('');
  return (
    <form
      className="header-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (query.trim()) router.push(`/search?q=${encodeURIComponent(query.trim())}`);
      }}
    >
      <label htmlFor="site-search" className="sr-only">
        Search code, symbols, notes and concepts
      </label>
      <input id="site-search" type="search" placeholder="Search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      <kbd aria-hidden="true">/</kbd>
    </form>
  );
}
