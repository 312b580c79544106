import Link from 'next/link';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';
import { ReadingProgress } from './components/ReadingProgress';

export default function Home() {
  const { site } = runtime();
  const totalJava = site.modules.reduce((sum, m) => sum + m.javaFiles, 0);
  return (
    <main className="page">
      <section className="hero">
        <h1>How a real message broker works</h1>
        <p className="lede">
          A book about Apache RocketMQ {site.version}: design notes that explain each part, {site.counts.annotations} annotations beside the lines they are about, and tours that walk a message
          through the code. Every link lands on the exact lines of the pinned source.
        </p>
      </section>
      <div className="grid-2">
        <section aria-labelledby="book">
          <h2 id="book">The book</h2>
          <ol className="chapter-list">
            {site.book.map((chapter) => (
              <li key={chapter.slug}>
                <span className="chapter-number" aria-hidden="true">
                  {chapter.chapter}
                </span>
                <Link className="chapter-title" href={urls.note(chapter.slug)}>
                  <span className="sr-only">Chapter {chapter.chapter}: </span>
                  {chapter.title}
                </Link>
                <ReadingProgress slug={chapter.slug} />
                <p className="chapter-summary" dangerouslySetInnerHTML={{ __html: chapter.summaryHtml }} />
              </li>
            ))}
          </ol>
        </section>
        <div>
          <section aria-labelledby="tours">
            <h2 id="tours">Tours</h2>
            <ul className="card-list">
              {site.tours.map((tour) => (
                <li key={tour.slug}>
                  <Link href={urls.tour(tour.slug, 1)}>{tour.title}</Link> <span className="muted">· {tour.steps} steps</span>
                  <div className="muted" style={{ fontSize: 14 }} dangerouslySetInnerHTML={{ __html: tour.summaryHtml }} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="modules">
            <h2 id="modules">The source, by module</h2>
            <p className="muted" style={{ fontSize: 14 }}>
              {totalJava.toLocaleString('en')} Java files in {site.modules.length} modules. Press <kbd>t</kbd> to open any file.
            </p>
            <div className="table-scroll">
            <table className="module-table">
              <thead>
                <tr>
                  <th scope="col">Module</th>
                  <th scope="col" className="num">Java files</th>
                  <th scope="col" className="num wide-only">Annotated files</th>
                  <th scope="col" className="num">Annotations</th>
                  <th scope="col" className="wide-only">
                    <span className="sr-only">Coverage</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {site.modules.map((module) => (
                  <tr key={module.name}>
                    <th scope="row">
                      <Link href={`/code#${module.name}`}>{module.name}</Link>
                    </th>
                    <td className="num">{module.javaFiles}</td>
                    <td className="num wide-only">{module.annotatedFiles}</td>
                    <td className="num">{module.annotations}</td>
                    <td className="wide-only">
                      <span className="coverage" role="img" aria-label={`${Math.round((100 * module.annotatedFiles) / Math.max(1, module.javaFiles))}% of files annotated`}>
                        <span style={{ width: `${Math.min(100, Math.max(module.annotatedFiles ? 4 : 0, (100 * module.annotatedFiles) / Math.max(1, module.javaFiles)))}%` }} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
          <section aria-labelledby="concepts">
            <h2 id="concepts">
              <Link href={urls.concepts()}>Concepts</Link>
            </h2>
            <p className="muted" style={{ fontSize: 14 }}>
              {site.counts.concepts} terms, from the commit log to the page cache, each with the places in the code that rely on it.
            </p>
          </section>
        </div>
      </div>
    </main>
  );
}
