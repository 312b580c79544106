'use client';

import Link from 'next/link';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/site/types';
import { urls } from '@/lib/site/urls';
import { LINE_PX, PAD_PX, railTops } from './metrics';

interface Props {
  annotations: AnnotationView[];
  activeId: string | null;
  highlightedId: string | null;
  onActivate(id: string | null): void;
  lineCount: number;
}

/**
 * Annotation cards beside their lines. Collapsed cards have a fixed height, so the server can
 * place them exactly where the browser will; an opened card is measured and pushes the rest down.
 * Annotations whose anchor no longer matches are not here (see FileContext): never beside stale lines.
 */
export function AnnotationRail({ annotations, activeId, highlightedId, onActivate, lineCount }: Props) {
  const placed = useMemo(() => annotations.filter((a): a is AnnotationView & { lines: [number, number] } => a.lines !== null), [annotations]);
  const [activeHeight, setActiveHeight] = useState<number | undefined>(undefined);
  // On narrow screens the cards sit above the code; they are listed only when asked for.
  const [expanded, setExpanded] = useState(false);
  const activeCard = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    setActiveHeight(activeCard.current ? activeCard.current.offsetHeight : undefined);
  }, [activeId]);

  const heights = placed.map((a) => (a.id === activeId ? activeHeight : undefined));
  const tops = railTops(
    placed.map((a) => a.lines[0]),
    heights,
  );
  const railHeight = Math.max(PAD_PX * 2 + lineCount * LINE_PX, (tops.at(-1) ?? 0) + (heights.at(-1) ?? 80) + 16);

  return (
    <aside className="annotation-rail" aria-label="Annotations" style={{ minHeight: railHeight }} data-expanded={expanded}>
      <button type="button" className="button rail-toggle" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)}>
        {expanded ? 'Hide the annotations' : `Show the ${placed.length} annotations`}
      </button>
      {placed.map((annotation, i) => {
        const isActive = annotation.id === activeId;
        return (
          <article
            key={annotation.id}
            id={`annotation-${annotation.id}`}
            ref={isActive ? (node) => void (activeCard.current = node) : undefined}
            className={`annotation-card${isActive ? ' active' : ''}${annotation.id === highlightedId ? ' hover' : ''}`}
            style={{ top: tops[i] }}
            data-lines={`${annotation.lines[0]}-${annotation.lines[1]}`}
            onClick={() => !isActive && onActivate(annotation.id)}
          >
            <h2>
              <button type="button" aria-expanded={isActive} onClick={(event) => { event.stopPropagation(); onActivate(isActive ? null : annotation.id); }}>
                {annotation.title}
              </button>
            </h2>
            <div className="where">
              {annotation.lines[0] === annotation.lines[1] ? `L${annotation.lines[0]}` : `L${annotation.lines[0]}–${annotation.lines[1]}`}
              {annotation.state === 'moved' ? <span className="state-label">moved</span> : null}
            </div>
            <div className="body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
            {annotation.notes.length > 0 || annotation.concepts.length > 0 ? (
              <div className="meta">
                {annotation.notes.map((n) => (
                  <Link key={`${n.slug}#${n.section ?? ''}`} href={urls.note(n.slug, n.section)}>
                    ↗ {n.title}
                  </Link>
                ))}
                {annotation.concepts.map((c) => (
                  <Link key={c.slug} href={urls.concept(c.slug)}>
                    #{c.term}
                  </Link>
                ))}
              </div>
            ) : null}
          </article>
        );
      })}
    </aside>
  );
}
