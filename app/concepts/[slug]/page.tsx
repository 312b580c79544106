import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';

interface Params {
  params: Promise<{ slug: string }>;
}

export const dynamicParams = false;

export function generateStaticParams(): Array<{ slug: string }> {
  return Object.keys(runtime().site.concepts).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const concept = runtime().site.concepts[(await params).slug];
  return concept ? { title: concept.term, description: `${concept.term}: what it is and every place in the RocketMQ code that relies on it.` } : { title: 'Not found' };
}

export default async function ConceptPage({ params }: Params) {
  const concept = runtime().site.concepts[(await params).slug];
  if (!concept) notFound();
  const sections = [
    { title: 'Declared in the code', items: concept.places.filter((p) => p.kind === 'symbol') },
    { title: 'Annotations that rely on it', items: concept.places.filter((p) => p.kind === 'annotation') },
    { title: 'Explained in the book', items: concept.places.filter((p) => p.kind === 'note') },
  ];
  return (
    <main className="page">
      <article className="prose">
        <p className="eyebrow">{concept.category === 'background' ? 'Background concept' : 'RocketMQ concept'}</p>
        <h1>{concept.term}</h1>
        {concept.aliases.length > 0 ? <p className="muted">Also called {concept.aliases.join(', ')}.</p> : null}
        <div dangerouslySetInnerHTML={{ __html: concept.definitionHtml }} />
        {sections.map((section) =>
          section.items.length > 0 ? (
            <section key={section.title}>
              <h2>{section.title}</h2>
              <ul>
                {section.items.map((place) => (
                  <li key={`${place.href}-${place.label}`}>
                    <Link href={place.href}>{place.label}</Link>
                    {place.path ? (
                      <span className="muted">
                        {' '}
                        · {place.path.split('/').pop()}
                        {place.lines ? `:${place.lines[0]}` : ''}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )}
        {concept.related.length > 0 ? (
          <p>
            Related:{' '}
            {concept.related.map((r, i) => (
              <span key={r.slug}>
                {i > 0 ? ', ' : ''}
                <Link href={urls.concept(r.slug)}>{r.term}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </article>
    </main>
  );
}
