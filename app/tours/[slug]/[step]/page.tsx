import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { runtime, sourceFile } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';
import { TourKeys } from '../../../components/TourKeys';
import { StepCode } from '../../../components/StepCode';

interface Params {
  params: Promise<{ slug: string; step: string }>;
}

export const dynamicParams = false;

export function generateStaticParams(): Array<{ slug: string; step: string }> {
  return Object.values(runtime().site.tourPages).flatMap((tour) => tour.stepPages.map((_, i) => ({ slug: tour.slug, step: String(i + 1) })));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, step } = await params;
  const tour = runtime().site.tourPages[slug];
  const page = tour?.stepPages[Number(step) - 1];
  return tour && page ? { title: `${page.title} · ${tour.title}`, description: `Step ${step} of ${tour.steps} of the tour "${tour.title}": ${tour.summary}` } : { title: 'Not found' };
}

/** One step of a tour: the explanation beside the lines it is about. Each step has its own URL. */
export default async function TourStep({ params }: Params) {
  const { slug, step } = await params;
  const tour = runtime().site.tourPages[slug];
  const index = Number(step) - 1;
  const page = tour?.stepPages[index];
  if (!tour || !page || !Number.isInteger(index)) notFound();
  const file = sourceFile(page.path);
  const previous = index > 0 ? urls.tour(slug, index) : null;
  const next = index + 1 < tour.steps ? urls.tour(slug, index + 2) : null;
  return (
    <main className="tour-layout">
      <section className="tour-text" aria-labelledby="step-title">
        <p className="eyebrow">
          <Link href={urls.tours()}>Tour</Link> · {tour.title}
        </p>
        <p className="muted" aria-live="polite">
          Step {index + 1} of {tour.steps}
        </p>
        <h1 id="step-title" style={{ fontSize: 22, margin: '4px 0 8px' }}>
          {page.title}
        </h1>
        <div className="prose" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
        <nav className="tour-nav" aria-label="Tour steps">
          {previous ? (
            <Link className="button" href={previous} rel="prev">
              ← Previous
            </Link>
          ) : null}
          {next ? (
            <Link className="button primary" href={next} rel="next">
              Next →
            </Link>
          ) : (
            <Link className="button primary" href={urls.tours()}>
              Finish
            </Link>
          )}
        </nav>
        <p className="muted" style={{ fontSize: 13 }}>
          <kbd>←</kbd> <kbd>→</kbd> move between steps
        </p>
        <ol className="tour-steps">
          {tour.stepPages.map((s, i) => (
            <li key={i} aria-current={i === index ? 'step' : undefined}>
              <Link href={urls.tour(slug, i + 1)}>{s.title}</Link>
            </li>
          ))}
        </ol>
      </section>
      <section className="tour-code" aria-label="Code for this step">
        {file?.text && page.lines ? (
          <StepCode path={page.path} text={file.text} lines={page.lines} href={urls.code(page.path, page.lines)} />
        ) : (
          <p className="binary-note">
            This step&apos;s anchor is {page.state} in this version of the source. <Link href={urls.code(page.path)}>Open {page.path.split('/').pop()}</Link>
          </p>
        )}
      </section>
      <TourKeys previous={previous} next={next} />
    </main>
  );
}
