import type { Metadata } from 'next';
import Link from 'next/link';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';

export const metadata: Metadata = { title: 'Concepts', description: 'The glossary: RocketMQ terms and the operating-system and network background the code relies on.' };

export default function ConceptsPage() {
  const concepts = Object.values(runtime().site.concepts).sort((a, b) => a.term.localeCompare(b.term));
  const groups = [
    { title: 'RocketMQ', items: concepts.filter((c) => c.category === 'rocketmq') },
    { title: 'Background: operating system and network', items: concepts.filter((c) => c.category === 'background') },
  ];
  return (
    <main className="page">
      <div className="prose">
        <h1>Concepts</h1>
        {groups.map((group) => (
          <section key={group.title}>
            <h2>{group.title}</h2>
            <dl>
              {group.items.map((concept) => (
                <div key={concept.slug} style={{ marginBottom: 12 }}>
                  <dt>
                    <Link href={urls.concept(concept.slug)}>{concept.term}</Link> <span className="muted">· {concept.places.length} places</span>
                  </dt>
                  <dd style={{ margin: 0 }} dangerouslySetInnerHTML={{ __html: concept.definitionHtml }} />
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </main>
  );
}
