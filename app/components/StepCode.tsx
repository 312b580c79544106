import Link from 'next/link';
import { highlightJavaLines } from '@/lib/highlight/java';

const CONTEXT = 8;

/** The lines of a tour step with some context around them, highlighted on the server. */
export function StepCode({ path, text, lines, href }: { path: string; text: string; lines: [number, number]; href: string }) {
  const all = path.endsWith('.java') ? highlightJavaLines(text) : text.split('\n');
  const from = Math.max(1, lines[0] - CONTEXT);
  const to = Math.min(all.length, lines[1] + CONTEXT);
  const rows = [];
  for (let line = from; line <= to; line++) {
    const inStep = line >= lines[0] && line <= lines[1];
    rows.push(`<span class="line${inStep ? ' sel' : ''}"><span class="ln" aria-hidden="true">${line}</span>${all[line - 1] ?? ''}</span>`);
  }
  return (
    <div>
      <div className="code-toolbar" style={{ position: 'static' }}>
        <span className="breadcrumbs">
          <span className="file">{path.split('/').pop()}</span>
          <span className="muted">
            lines {lines[0]}–{lines[1]}
          </span>
        </span>
        <span className="toolbar-actions">
          <Link className="button" href={href}>
            Open in the code view
          </Link>
        </span>
      </div>
      <pre className="code-block step-code">
        <code dangerouslySetInnerHTML={{ __html: rows.join('') }} />
      </pre>
    </div>
  );
}
