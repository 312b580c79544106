'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatLineHash, parseLineHash } from '@/lib/site/permalink';
import type { AnnotationView, OutlineEntry } from '@/lib/site/types';
import { AnnotationRail } from './AnnotationRail';
import type { EditorHandle, FileLinks } from './editor';
import { buildHoverCard } from './hover-card';
import { NavPanel, type NavRequest } from './NavPanel';
import { navigateTo, takePendingHash } from './navigate';
import { gutterWidthCh, LINE_PX, PAD_PX } from './metrics';
import { SelectionBar } from './SelectionBar';
import { ssrLinesHtml } from './ssr-lines';

export interface CodeWorkspaceProps {
  path: string;
  text: string;
  language: 'java' | 'text';
  annotations: AnnotationView[];
  outline: OutlineEntry[];
  annotationFileExists: boolean;
  editUrl: string;
  /** The source index stamp, so the browser may cache this file's cross-references forever. */
  stamp: string;
}

/** Space kept above a revealed range for the sticky header and toolbar. */
const STICKY_PX = 110;

/**
 * The code view: the file's lines, server-rendered and then taken over by CodeMirror with the same
 * metrics, the annotation rail beside them, permalinks in the URL (#L120-L140) and the keyboard.
 */
export function CodeWorkspace(props: CodeWorkspaceProps) {
  const { text, language, annotations } = props;
  const lineCount = useMemo(() => text.split('\n').length, [text]);
  const shown = useMemo(() => annotations.filter((a): a is AnnotationView & { lines: [number, number] } => a.lines !== null), [annotations]);
  const annotated = useMemo(() => {
    const set = new Set<number>();
    for (const a of shown) for (let line = a.lines[0]; line <= a.lines[1]; line++) set.add(line);
    return set;
  }, [shown]);

  // Highlighting runs on the server only: in the browser the same DOM is adopted as is, and
  // CodeMirror replaces it right after. Recomputing it here would only cost the reader time.
  const ssrHtml = useMemo(() => (typeof window === 'undefined' ? ssrLinesHtml(text, language, annotated) : ''), [text, language, annotated]);

  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const anchorLine = useRef<number | null>(null);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hoverLine, setHoverLine] = useState<number | null>(null);
  const [nav, setNav] = useState<NavRequest | null>(null);
  const router = useRouter();
  const active = shown.find((a) => a.id === activeId) ?? null;
  const hovered = hoverLine === null ? null : (shown.find((a) => hoverLine >= a.lines[0] && hoverLine <= a.lines[1]) ?? null);

  const reveal = useCallback((lines: readonly [number, number]) => {
    const element = host.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY + PAD_PX + (lines[0] - 1) * LINE_PX;
    const height = (lines[1] - lines[0] + 1) * LINE_PX;
    const room = window.innerHeight - STICKY_PX;
    window.scrollTo({ top: Math.max(0, height < room ? top - STICKY_PX - (room - height) / 2 : top - STICKY_PX) });
  }, []);

  const select = useCallback(
    (lines: [number, number] | null, scroll: boolean) => {
      setSelected(lines);
      const url = new URL(window.location.href);
      url.hash = lines ? formatLineHash(lines) : '';
      window.history.replaceState(window.history.state, '', url);
      if (lines && scroll) reveal(lines);
    },
    [reveal],
  );

  const onLineNumber = useCallback(
    (line: number, extend: boolean) => {
      if (extend && anchorLine.current !== null) {
        select([Math.min(anchorLine.current, line), Math.max(anchorLine.current, line)], false);
      } else {
        anchorLine.current = line;
        select([line, line], false);
      }
    },
    [select],
  );

  const activate = useCallback(
    (id: string | null, scroll: boolean) => {
      setActiveId(id);
      const target = shown.find((a) => a.id === id);
      if (target && scroll) reveal(target.lines);
    },
    [shown, reveal],
  );

  // Permalink in the URL: select and scroll on load and whenever the hash changes.
  useEffect(() => {
    const apply = () => {
      const lines = parseLineHash(window.location.hash || takePendingHash() || '', lineCount);
      if (lines) {
        anchorLine.current = lines[0];
        setSelected(lines);
        requestAnimationFrame(() => reveal(lines));
      }
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [lineCount, reveal]);

  const onLineNumberRef = useRef(onLineNumber);
  useEffect(() => {
    onLineNumberRef.current = onLineNumber;
  }, [onLineNumber]);
  const [editorReady, setEditorReady] = useState(false);

  const follow = useCallback(
    (target: FileLinks['targets'][number], event: MouseEvent) => {
      if (target.kind === 'ambiguous') {
        setNav({ kind: 'candidates', url: target.href, title: target.label });
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        window.open(target.href, '_blank', 'noopener');
        return;
      }
      if (target.kind === 'local' || target.href.startsWith(`/code/${props.path}#`)) {
        const lines = parseLineHash(target.href.slice(target.href.indexOf('#')), lineCount);
        if (lines) {
          anchorLine.current = lines[0];
          select(lines, true);
        }
        return;
      }
      navigateTo(router, target.href);
    },
    [props.path, lineCount, select, router],
  );
  const followRef = useRef(follow);
  useEffect(() => {
    followRef.current = follow;
  }, [follow]);

  // CodeMirror takes over once loaded; it is rendered hidden first and swapped in after it has drawn.
  useEffect(() => {
    let cancelled = false;
    void import('./editor').then(({ createEditor }) => {
      const parent = host.current;
      if (cancelled || !parent) return;
      const handle = createEditor(parent, {
        text,
        language,
        marks: { annotated, selected: null, active: null },
        onLineNumber: (line, extend) => onLineNumberRef.current(line, extend),
        onLineHover: (line) => setHoverLine(line),
        onFollow: (target, event) => followRef.current(target, event),
        hoverCard: (target) => buildHoverCard(target.label, (request) => setNav(request)),
      });
      handle.view.dom.classList.add('cm-pending');
      editor.current = handle;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          parent.querySelector('.code-ssr')?.remove();
          handle.view.dom.classList.remove('cm-pending');
          parent.dataset.editor = 'ready';
          setEditorReady(true);
          // Links come after the first paint: they are not needed to read the code.
          void fetch(`/api/xrefs?path=${encodeURIComponent(props.path)}&v=${encodeURIComponent(props.stamp)}`)
            .then((response) => (response.ok ? (response.json() as Promise<FileLinks>) : null))
            .then((links) => {
              if (links && !cancelled) {
                handle.setLinks(links);
                parent.dataset.links = String(links.refs.length / 4);
              }
            });
        }),
      );
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
    // The editor is created once per file; later changes go through setMarks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, language]);
  useEffect(() => {
    editor.current?.setMarks({ annotated, selected, active: (active ?? hovered)?.lines ?? null });
  }, [annotated, selected, active, hovered, editorReady]);

  // Before CodeMirror arrives, line numbers of the server-rendered lines select too.
  const onSsrMouseDown = (event: React.MouseEvent<HTMLDivElement>) => {
    if (editorReady || !host.current) return;
    const target = event.target as HTMLElement;
    const lineElement = target.closest('.line');
    if (!lineElement || event.clientX - lineElement.getBoundingClientRect().left > gutterWidthCh(lineCount) * 8 + 26) return;
    const index = Array.prototype.indexOf.call(lineElement.parentElement?.children ?? [], lineElement) as number;
    if (index >= 0) onLineNumber(index + 1, event.shiftKey);
  };

  // j / k walk the annotations in line order; Esc clears.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'k') {
        if (shown.length === 0) return;
        event.preventDefault();
        const current = shown.findIndex((a) => a.id === activeId);
        const next = event.key === 'j' ? (current + 1) % shown.length : (current <= 0 ? shown.length : current) - 1;
        activate(shown[next]!.id, true);
      } else if (event.key === 'Escape') {
        setActiveId(null);
        setNav(null);
        select(null, false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, activeId, activate, select]);

  const style = { '--gutter': `${gutterWidthCh(lineCount)}ch` } as React.CSSProperties;
  return (
    <div className="code-area" data-rail={shown.length > 0 ? 'shown' : 'none'}>
      <div className="code-scroll">
        <div ref={host} className="code-host" style={style} onMouseDown={onSsrMouseDown} data-lines={lineCount}>
          <pre className="code-ssr" aria-label={`Source of ${props.path}`}>
            <code dangerouslySetInnerHTML={{ __html: ssrHtml }} suppressHydrationWarning />
          </pre>
        </div>
      </div>
      {shown.length > 0 ? <AnnotationRail annotations={annotations} activeId={activeId} highlightedId={hovered?.id ?? null} onActivate={(id) => activate(id, true)} lineCount={lineCount} /> : null}
      {nav ? <NavPanel key={JSON.stringify(nav)} request={nav} onClose={() => setNav(null)} onNavigate={(href) => { setNav(null); navigateTo(router, href); }} /> : null}
      {selected ? <SelectionBar path={props.path} lines={selected} text={text} outline={props.outline} annotationFileExists={props.annotationFileExists} editUrl={props.editUrl} onClear={() => select(null, false)} /> : null}
    </div>
  );
}
