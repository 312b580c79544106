import type { Metadata } from 'next';
import Link from 'next/link';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';

export const metadata: Metadata = { title: 'Tours', description: 'Guided walks through the RocketMQ source, step by step across files.' };

export default function ToursPage() {
  const { site } = runtime();
  return (
    <main className="page">
      <div className="prose">
        <h1>Tours</h1>
        <p className="lede">Each tour follows one path through the code, a few lines at a time. Use the arrow keys to move between steps.</p>
        <ul className="card-list">
          {site.tours.map((tour) => (
            <li key={tour.slug}>
              <Link href={urls.tour(tour.slug, 1)}>{tour.title}</Link> <span className="muted">· {tour.steps} steps</span>
              <p className="muted" style={{ margin: '4px 0 0' }} dangerouslySetInnerHTML={{ __html: tour.summaryHtml }} />
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
