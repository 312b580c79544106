import Link from 'next/link';
import type { AnnotationView, NoteRefView } from '@/lib/site/types';
import { formatLineHash } from '@/lib/site/permalink';
import { urls } from '@/lib/site/urls';

/**
 * Above the code: the design-note sections that cite this file (each cited range links to its lines
 * here, each section to the note), and annotations whose anchor no longer matches this version.
 */
export function FileContext({ noteRefs, annotations }: { noteRefs: NoteRefView[]; annotations: AnnotationView[] }) {
  const groups = groupNoteRefs(noteRefs);
  const attention = annotations.filter((a) => a.lines === null);
  if (groups.length === 0 && attention.length === 0) return null;
  return (
    <div className="file-context">
      {groups.length > 0 ? (
        <details>
          <summary>
            Cited in {groups.length} section{groups.length === 1 ? '' : 's'} of the design notes
          </summary>
          <ul>
            {groups.map((group) => (
              <li key={`${group.note}#${group.section ?? ''}`}>
                <Link href={urls.note(group.note, group.section ?? undefined)}>
                  {group.noteTitle}
                  {group.sectionTitle ? ` › ${group.sectionTitle}` : ''}
                </Link>{' '}
                {group.lines.map((lines) => (
                  <a key={lines.join('-')} className="range-link" href={formatLineHash(lines)}>
                    {lines[0] === lines[1] ? `L${lines[0]}` : `L${lines[0]}–${lines[1]}`}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {attention.length > 0 ? (
        <section aria-labelledby="needs-attention">
          <h2 id="needs-attention">Annotations that no longer match this version</h2>
          <ul>
            {attention.map((a) => (
              <li key={a.id}>
                <span className="state-label">{a.state}</span> {a.title} <span className="muted">{a.stateDetail}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function groupNoteRefs(refs: NoteRefView[]) {
  const groups = new Map<string, { note: string; noteTitle: string; section: string | null; sectionTitle: string | null; lines: Array<[number, number]> }>();
  for (const ref of refs) {
    const key = `${ref.note}#${ref.section ?? ''}`;
    const group = groups.get(key) ?? { note: ref.note, noteTitle: ref.noteTitle, section: ref.section, sectionTitle: ref.sectionTitle, lines: [] };
    const lines = ref.lines;
    if (lines && !group.lines.some((l) => l[0] === lines[0] && l[1] === lines[1])) group.lines.push(lines);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.lines.sort((a, b) => a[0] - b[0]);
  return [...groups.values()];
}
