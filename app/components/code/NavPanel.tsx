'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

export type NavRequest = { kind: 'references' | 'implementations'; symbol: string } | { kind: 'candidates'; url: string; title: string };

interface Location {
  id: string;
  name: string;
  kind: string;
  path: string;
  line: number;
  href: string;
}

interface ReferencesResponse {
  symbol: Location;
  total: number;
  groups: Array<{ path: string; refs: Array<{ line: number; column: number; length: number; preview: string }> }>;
}

interface ImplementationsResponse {
  symbol: Location;
  implementations: Location[];
  overrides: Location[];
}

/** A side sheet listing references (grouped by file), implementations and overrides, or candidates. Keyed by request, so each request starts empty. */
export function NavPanel({ request, onClose, onNavigate }: { request: NavRequest; onClose(): void; onNavigate(href: string): void }) {
  const [data, setData] = useState<ReferencesResponse | ImplementationsResponse | { candidates: Location[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const url = request.kind === 'candidates' ? request.url : `/api/${request.kind}?symbol=${encodeURIComponent(request.symbol)}`;
    fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? `HTTP ${response.status}`);
        return response.json();
      })
      .then(setData, (e: Error) => setError(e.message));
  }, [request]);

  const title = request.kind === 'candidates' ? `Several declarations fit: ${request.title}` : request.kind === 'references' ? 'References' : 'Implementations';
  return (
    <aside className="nav-panel" role="dialog" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="nav-panel-body">
        {error ? <p className="muted">{error}</p> : null}
        {!data && !error ? <p className="muted">Loading…</p> : null}
        {data && 'groups' in data ? (
          <>
            <p className="muted">
              {data.total} reference{data.total === 1 ? '' : 's'} to <code>{data.symbol.name}</code> in {data.groups.length} file{data.groups.length === 1 ? '' : 's'}
            </p>
            {data.groups.map((group) => (
              <section key={group.path} className="ref-group">
                <h3 title={group.path}>{group.path.split('/').pop()}</h3>
                <ul>
                  {group.refs.map((ref) => (
                    <li key={`${ref.line}:${ref.column}`}>
                      <Link href={`/code/${group.path}#L${ref.line}`} onClick={(e) => { e.preventDefault(); onNavigate(`/code/${group.path}#L${ref.line}`); }}>
                        <span className="ln">{ref.line}</span> <code>{ref.preview}</code>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        ) : null}
        {data && 'implementations' in data ? (
          <>
            <h3>
              {data.symbol.kind === 'method' ? 'Implemented or overridden in' : 'Extended or implemented by'} ({data.implementations.length})
            </h3>
            <LocationList items={data.implementations} onNavigate={onNavigate} />
            {data.overrides.length > 0 ? (
              <>
                <h3>{data.symbol.kind === 'method' ? 'Overrides' : 'Supertypes'}</h3>
                <LocationList items={data.overrides} onNavigate={onNavigate} />
              </>
            ) : null}
          </>
        ) : null}
        {data && 'candidates' in data ? <LocationList items={data.candidates} onNavigate={onNavigate} /> : null}
      </div>
    </aside>
  );
}

function LocationList({ items, onNavigate }: { items: Location[]; onNavigate(href: string): void }) {
  if (items.length === 0) return <p className="muted">None in this source.</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <Link href={item.href} onClick={(e) => { e.preventDefault(); onNavigate(item.href); }} title={item.id}>
            {item.id.replace(/^org\.apache\.rocketmq\./, '')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
