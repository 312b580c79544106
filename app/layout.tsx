import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { runtime } from '@/lib/server/runtime';
import { GlobalShortcuts } from './components/GlobalShortcuts';
import { SiteHeader } from './components/SiteHeader';
import './globals.css';

export function generateMetadata(): Metadata {
  const { site } = runtime();
  return {
    title: { default: `RocketMQ Learning: how a message broker works, in the ${site.version} source`, template: '%s · RocketMQ Learning' },
    description: `A book of design notes and line-by-line annotations over the Apache RocketMQ ${site.version} source: CommitLog, ConsumeQueue, IndexService, NameServer, broker, producer, consumer, remoting and HA.`,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Runs before first paint so a reader's chosen theme never flashes the other one. */
const THEME_SCRIPT = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <SiteHeader />
        <GlobalShortcuts stamp={runtime().site.stamp} />
        <div id="content">{children}</div>
      </body>
    </html>
  );
}
