import type { Metadata } from 'next';
import Link from 'next/link';
import { runtime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Source code', description: 'Every module of the pinned RocketMQ source, with its annotated files.' };

/** The modules and, for each, the annotated files: the entry to the code for readers without a path in mind. */
export default function CodeIndex() {
  const { site } = runtime();
  const annotated = Object.values(site.files).filter((f) => f.annotations.length > 0);
  return (
    <main className="page">
      <h1>Source code of RocketMQ {site.version}</h1>
      <p className="lede">Press <kbd>t</kbd> to jump to any file. Annotated files are listed by module.</p>
      {site.modules.map((module) => {
        const files = annotated.filter((f) => f.path.startsWith(`${module.name}/`)).sort((a, b) => a.path.localeCompare(b.path));
        return (
          <section key={module.name} id={module.name}>
            <h2>
              {module.name} <span className="muted" style={{ fontSize: 14, fontWeight: 400 }}>{module.javaFiles} Java files, {module.annotations} annotations</span>
            </h2>
            {files.length > 0 ? (
              <ul>
                {files.map((f) => (
                  <li key={f.path}>
                    <Link href={`/code/${f.path}`}>{f.path.slice(module.name.length + 1)}</Link> <span className="muted">({f.annotations.length})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No annotations yet.</p>
            )}
          </section>
        );
      })}
    </main>
  );
}
