import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';
import { ProgressTracker } from '../../components/ReadingProgress';

interface Params {
  params: Promise<{ slug: string }>;
}

export const dynamicParams = false;

export function generateStaticParams(): Array<{ slug: string }> {
  return runtime().site.book.map((chapter) => ({ slug: chapter.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const note = runtime().site.notes[(await params).slug];
  return note ? { title: `${note.chapter}. ${note.title}`, description: note.summary } : { title: 'Not found' };
}

export default async function NotePage({ params }: Params) {
  const { slug } = await params;
  const note = runtime().site.notes[slug];
  if (!note) notFound();
  return (
    <main className="page note-page">
      <article className="prose">
        <p className="eyebrow">Chapter {note.chapter}</p>
        <h1>{note.title}</h1>
        <div dangerouslySetInnerHTML={{ __html: note.html }} />
        <ProgressTracker slug={note.slug} />
        {note.concepts.length > 0 ? (
          <p className="muted">
            Concepts:{' '}
            {note.concepts.map((c, i) => (
              <span key={c.slug}>
                {i > 0 ? ', ' : ''}
                <Link href={urls.concept(c.slug)}>{c.term}</Link>
              </span>
            ))}
          </p>
        ) : null}
        <nav className="tour-nav" aria-label="Chapters">
          {note.previous ? (
            <Link className="button" href={urls.note(note.previous.slug)} rel="prev">
              ← {note.previous.title}
            </Link>
          ) : null}
          {note.next ? (
            <Link className="button" href={urls.note(note.next.slug)} rel="next" style={{ marginLeft: 'auto' }}>
              {note.next.title} →
            </Link>
          ) : null}
        </nav>
      </article>
      {note.sections.length > 1 ? (
        <nav className="note-toc" aria-label="In this chapter">
          <p className="eyebrow">In this chapter</p>
          <ol>
            {note.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </main>
  );
}
