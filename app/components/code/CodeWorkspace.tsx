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
import { decodeLinks, type LinksPayload } from '@/lib/site/links-format';
import { getSsrCode } from '@/lib/site/ssr-code';

export interface CodeWorkspaceProps {
  path: string;
  /** Where the server left this file's rendered lines (see lib/site/ssr-code.ts). */
  codeKey: string;
  lineCount: number;
  language: 'java' | 'text';
  annotations: AnnotationView[];
  outline: OutlineEntry[];
  annotationFileExists: boolean;
  editUrl: string;
  /** The source index stamp, so the browser may cache this file's cross-references forever. */
  stamp: string;
}

/** Space kept above a revealed range: the sticky header and toolbar (taller when they wrap), and a little air. */
function stickyTop(): number {
  return (document.querySelector('.code-toolbar')?.getBoundingClientRect().bottom ?? 100) + 10;
}

/**
 * The code view: the file's lines, server-rendered and then taken over by CodeMirror with the same
 * metrics, the annotation rail beside them, permalinks in the URL (#L120-L140) and the keyboard.
 */
export function CodeWorkspace(props: CodeWorkspaceProps) {
  const { language, annotations, lineCount } = props;
  const shown = useMemo(() => annotations.filter((a): a is AnnotationView & { lines: [number, number] } => a.lines !== null), [annotations]);
  const annotated = useMemo(() => {
    const set = new Set<number>();
    for (const a of shown) for (let line = a.lines[0]; line <= a.lines[1]; line++) set.add(line);
    return set;
  }, [shown]);

  // The lines come from the server's rendering (not a prop, which would send them twice); in the
  // browser the same DOM is adopted as is, and CodeMirror replaces it right after.
  const ssrHtml = typeof window === 'undefined' ? getSsrCode(props.codeKey) : '';
  const [text, setText] = useState<string | null>(null);

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
    // Once CodeMirror has the page, it measures its own lines; before that, the server's lines
    // have fixed heights and the position is a multiplication.
    if (editor.current) {
      editor.current.scrollTo(lines);
      return;
    }
    const element = host.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY + PAD_PX + (lines[0] - 1) * LINE_PX;
    const height = (lines[1] - lines[0] + 1) * LINE_PX;
    const sticky = stickyTop();
    const room = window.innerHeight - sticky;
    window.scrollTo({ top: Math.max(0, height < room ? top - sticky - (room - height) / 2 : top - sticky) });
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
        return;
      }
      anchorLine.current = line;
      select([line, line], false);
      // On an annotated line the number doubles as the annotation's marker: it opens the innermost one.
      const here = shown.filter((a) => line >= a.lines[0] && line <= a.lines[1]).sort((a, b) => b.lines[0] - a.lines[0] || a.lines[1] - b.lines[1])[0];
      if (here) setActiveId(here.id);
    },
    [select, shown],
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

  // The text, read back from the server-rendered lines, or fetched after a client-side navigation.
  useEffect(() => {
    let cancelled = false;
    const lines = host.current?.querySelectorAll('.code-ssr .line');
    if (lines && lines.length > 0) {
      setTextOnce(Array.from(lines, (line) => line.textContent ?? '').join('\n'));
    } else {
      void fetch(`/api/source?path=${encodeURIComponent(props.path)}&v=${encodeURIComponent(props.stamp)}`)
        .then((response) => (response.ok ? response.text() : null))
        .then((body) => !cancelled && body !== null && setTextOnce(body));
    }
    function setTextOnce(value: string) {
      if (!cancelled) setText(value);
    }
    return () => {
      cancelled = true;
    };
  }, [props.path, props.stamp]);

  // CodeMirror takes over once loaded; it is rendered hidden first and swapped in after it has drawn.
  useEffect(() => {
    if (text === null) return;
    let cancelled = false;
    void import('./editor').then(({ createEditor }) => {
      const parent = host.current;
      if (cancelled || !parent) return;
      const handle = createEditor(parent, {
        text,
        label: `Source of ${props.path}`,
        stickyTop,
        language,
        marks: { annotated, selected: null, active: null },
        onLineNumber: (line, extend) => onLineNumberRef.current(line, extend),
        onLineHover: (line) => setHoverLine(line),
        onFollow: (target, event) => followRef.current(target, event),
        hoverCard: (target) => buildHoverCard(target.label, (request) => setNav(request)),
        loadLinks: () =>
          fetch(`/api/xrefs?path=${encodeURIComponent(props.path)}&v=${encodeURIComponent(props.stamp)}`)
            .then((response) => (response.ok ? (response.json() as Promise<LinksPayload>) : null))
            .then((payload) => {
              if (!payload || cancelled) return null;
              const links = decodeLinks(payload);
              parent.dataset.links = String(links.refs.length / 4);
              return links;
            })
            .catch(() => null),
      });
      handle.view.dom.classList.add('cm-pending');
      editor.current = handle;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          parent.querySelector('.code-ssr')?.remove();
          handle.view.dom.classList.remove('cm-pending');
          handle.view.requestMeasure();
          parent.dataset.editor = 'ready';
          setEditorReady(true);
          // Lines far down the file were placed by estimate while hidden: scroll again with real measures.
          const wanted = parseLineHash(window.location.hash, lineCount);
          if (wanted) requestAnimationFrame(() => !cancelled && handle.scrollTo(wanted));
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
      {selected && text !== null ? <SelectionBar path={props.path} lines={selected} text={text} outline={props.outline} annotationFileExists={props.annotationFileExists} editUrl={props.editUrl} onClear={() => select(null, false)} /> : null}
    </div>
  );
}
