import Link from 'next/link';
import { runtime } from '@/lib/server/runtime';
import { SearchBox } from './SearchBox';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader() {
  const { site } = runtime();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="#0969da" />
          <path d="M16 5c4 3 6 8 5 14h-10C10 13 12 8 16 5z" fill="#fff" />
          <path d="M11 19l-4 5 5-1zM21 19l4 5-5-1z" fill="#fff" />
          <circle cx="16" cy="13" r="2.2" fill="#0969da" />
        </svg>
        RocketMQ Learning
      </Link>
      <nav className="site-nav" aria-label="Main">
        <Link href="/#book">Book</Link>
        <Link href="/concepts">Concepts</Link>
        <Link href="/tours">Tours</Link>
        <Link href="/code">Code</Link>
      </nav>
      <SearchBox />
      <span className="version-badge" title={site.commit ? `commit ${site.commit}` : undefined}>
        RocketMQ {site.version}
      </span>
      <ThemeToggle />
    </header>
  );
}
