'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { navigateTo } from './code/navigate';

interface QuickResult {
  label: string;
  detail: string;
  href: string;
}

type Groups = Record<'files' | 'symbols' | 'concepts' | 'notes' | 'annotations', QuickResult[]>;

const GROUP_TITLES: Array<[keyof Groups, string]> = [
  ['symbols', 'Symbols'],
  ['files', 'Files'],
  ['notes', 'Notes'],
  ['concepts', 'Concepts'],
  ['annotations', 'Annotations'],
];

/**
 * The header search: suggestions as you type (symbols, files, notes, concepts, annotations) and,
 * always last, a full-text search of the code. `/` and Ctrl-K (Cmd-K) focus it; the arrow keys
 * and Enter work the list; Esc closes it.
 */
export function SearchBox() {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<Groups | null>(null);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(0);
  const latest = useRef('');

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (!q) return;
    const timer = setTimeout(() => {
      fetch(`/api/quick?q=${encodeURIComponent(q)}`)
        .then((r) => (r.ok ? (r.json() as Promise<Groups>) : null))
        .then((result) => {
          if (result && latest.current === q) setGroups(result);
        }, () => undefined);
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  const items = useMemo(() => {
    const list: Array<QuickResult & { group: string }> = [];
    const shown = query.trim() ? groups : null;
    for (const [key, title] of GROUP_TITLES) for (const item of shown?.[key] ?? []) list.push({ ...item, group: title });
    if (query.trim()) list.push({ label: `Search the code for “${query.trim()}”`, detail: 'full text, with regex and case options', href: `/search?q=${encodeURIComponent(query.trim())}`, group: 'Code' });
    return list;
  }, [groups, query]);

  const go = (href: string | undefined) => {
    if (!href) return;
    setOpen(false);
    (document.activeElement as HTMLElement | null)?.blur();
    navigateTo(router, href);
  };

  return (
    <form
      className="header-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        go(items[selected]?.href ?? (query.trim() ? `/search?q=${encodeURIComponent(query.trim())}` : undefined));
      }}
    >
      <label htmlFor="site-search" className="sr-only">
        Search code, symbols, notes and concepts
      </label>
      <input
        id="site-search"
        type="search"
        placeholder="Search"
        value={query}
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls="search-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={open && items[selected] ? `suggestion-${selected}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setSelected(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setSelected((s) => Math.min(s + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((s) => Math.max(s - 1, 0));
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        autoComplete="off"
      />
      <kbd aria-hidden="true">/</kbd>
      {open && items.length > 0 ? (
        <ul id="search-suggestions" className="suggestions" role="listbox" aria-label="Suggestions">
          {items.map((item, i) => (
            <li
              key={`${item.group}-${item.href}-${i}`}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === selected}
              onMouseDown={(e) => {
                e.preventDefault();
                go(item.href);
              }}
              onMouseEnter={() => setSelected(i)}
            >
              {i === 0 || items[i - 1]!.group !== item.group ? <span className="suggestion-group">{item.group}</span> : null}
              <span className="suggestion-label">{item.label}</span>
              <span className="suggestion-detail">{item.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
