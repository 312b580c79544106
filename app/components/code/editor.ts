import { java } from '@codemirror/lang-java';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, hoverTooltip, lineNumberMarkers, lineNumbers, type DecorationSet, type Tooltip } from '@codemirror/view';
import { javaHighlighter } from '@/lib/highlight/java';
import type { DecodedLinks } from '@/lib/site/links-format';

/** What the page tells the editor to show. */
export interface EditorMarks {
  annotated: ReadonlySet<number>;
  selected: readonly [number, number] | null;
  active: readonly [number, number] | null;
}

/** A file's cross-references: four numbers per identifier (line, column, length, target), and the targets. */
export type FileLinks = DecodedLinks;

export interface EditorHandle {
  view: EditorView;
  setMarks(marks: EditorMarks): void;
  /** Scrolls the window so the lines are in view (centred when they fit), measured by CodeMirror itself. */
  scrollTo(lines: readonly [number, number]): void;
  destroy(): void;
}

export interface EditorOptions {
  text: string;
  language: 'java' | 'text';
  marks: EditorMarks;
  /** The accessible name of the code (screen readers announce it on focus). */
  label: string;
  /** Where the sticky bars above the code end, kept clear when scrolling lines into view. */
  stickyTop(): number;
  onLineNumber(line: number, extend: boolean): void;
  onLineHover(line: number | null): void;
  /** An identifier link was followed (click, or Ctrl/Cmd-click). */
  onFollow(target: FileLinks['targets'][number], event: MouseEvent): void;
  /** The hover card for a symbol target, built by the page (null: none). */
  hoverCard(target: FileLinks['targets'][number]): Promise<HTMLElement | null>;
  /**
   * The file's identifier links, asked for once, when a pointer or the keyboard first comes to
   * the code: reading needs none of them, so a reader who only reads never downloads them.
   */
  loadLinks(): Promise<FileLinks | null>;
}

const setMarks = StateEffect.define<EditorMarks>();
const setLinksEffect = StateEffect.define<LinkRanges>();

/** Sorted, non-overlapping ranges of linked identifiers: from, to, target index. */
interface LinkRanges {
  ranges: Array<[number, number, number]>;
  targets: FileLinks['targets'];
  decorations: DecorationSet;
}

const noLinks: LinkRanges = { ranges: [], targets: [], decorations: Decoration.none };
const linkMark = Decoration.mark({ class: 'cm-ref' });

class AnnotatedMarker extends GutterMarker {
  override elementClass = 'annotated';
}
const annotatedMarker = new AnnotatedMarker();

/**
 * A read-only CodeMirror 6 view over one file, with the same highlighter as the server-rendered
 * lines. Line numbers select ranges (shift extends), annotated lines carry a gutter bar, and the
 * page controls the highlighted ranges through setMarks.
 */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const marksField = StateField.define<EditorMarks>({
    create: () => options.marks,
    update: (value, tr) => tr.effects.reduce((current, effect) => (effect.is(setMarks) ? effect.value : current), value),
  });
  const decorations = EditorView.decorations.compute([marksField], (state) => lineDecorations(state, state.field(marksField)));
  const linksField = StateField.define<LinkRanges>({
    create: () => noLinks,
    update: (value, tr) => tr.effects.reduce((current, effect) => (effect.is(setLinksEffect) ? effect.value : current), value),
    provide: (field) => EditorView.decorations.from(field, (links) => links.decorations),
  });
  const linkAt = (state: EditorState, pos: number) => {
    const { ranges, targets } = state.field(linksField);
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [from, to, target] = ranges[mid]!;
      if (pos < from) high = mid - 1;
      else if (pos >= to) low = mid + 1;
      else return { from, to, target: targets[target]! };
    }
    return null;
  };
  let linksLoaded: Promise<void> | null = null;
  const ensureLinks = (): Promise<void> =>
    (linksLoaded ??= options.loadLinks().then((links) => {
      if (links) view.dispatch({ effects: setLinksEffect.of(linkRanges(view.state, links)) });
    }));
  const gutterMarks = lineNumberMarkers.compute([marksField], (state) => {
    const builder = new RangeSetBuilder<GutterMarker>();
    const { annotated } = state.field(marksField);
    for (let line = 1; line <= state.doc.lines; line++) if (annotated.has(line)) builder.add(state.doc.line(line).from, state.doc.line(line).from, annotatedMarker);
    return builder.finish();
  });
  const extensions: Extension[] = [
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    marksField,
    decorations,
    linksField,
    gutterMarks,
    hoverTooltip(
      async (view, pos): Promise<Tooltip | null> => {
        const link = linkAt(view.state, pos);
        if (!link || link.target.kind !== 'symbol') return null;
        const card = await options.hoverCard(link.target);
        return card ? { pos: link.from, end: link.to, above: true, create: () => ({ dom: card }) } : null;
      },
      { hoverTime: 350 },
    ),
    lineNumbers({
      domEventHandlers: {
        mousedown(view, block, event) {
          const line = view.state.doc.lineAt(block.from).number;
          options.onLineNumber(line, (event as MouseEvent).shiftKey);
          return true;
        },
      },
    }),
    EditorView.domEventHandlers({
      click(event, view) {
        if (event.button !== 0 || !view.state.selection.main.empty) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos === null) return false;
        const link = linkAt(view.state, pos);
        if (link) {
          event.preventDefault();
          options.onFollow(link.target, event);
          return true;
        }
        // A click that arrives before the links do is followed once they are in.
        void ensureLinks().then(() => {
          const late = linkAt(view.state, pos);
          if (late && view.state.selection.main.empty) options.onFollow(late.target, event);
        });
        return false;
      },
      pointerover() {
        void ensureLinks();
      },
      focusin() {
        void ensureLinks();
      },
      mousemove(event, view) {
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        options.onLineHover(pos === null ? null : view.state.doc.lineAt(pos).number);
      },
      mouseleave() {
        options.onLineHover(null);
      },
    }),
  ];
  if (options.language === 'java') extensions.push(java(), syntaxHighlighting(javaHighlighter));
  const view = new EditorView({ state: EditorState.create({ doc: options.text, extensions }), parent });
  return {
    view,
    setMarks(marks) {
      view.dispatch({ effects: setMarks.of(marks) });
    },
    scrollTo(lines) {
      // The page scrolls, not the editor: place the lines below the sticky bars, centred when they
      // fit. Lines far from the viewport are placed by CodeMirror's estimate, so the position is
      // taken again once it has drawn and measured them.
      const doc = view.state.doc;
      const first = doc.line(Math.min(Math.max(1, lines[0]), doc.lines));
      const last = doc.line(Math.min(Math.max(1, lines[1]), doc.lines));
      const place = () => {
        const top = view.lineBlockAt(first.from).top;
        const bottom = view.lineBlockAt(last.from).bottom;
        const absoluteTop = window.scrollY + view.documentTop + top;
        const sticky = options.stickyTop();
        const room = window.innerHeight - sticky;
        const height = bottom - top;
        const target = Math.max(0, height < room ? absoluteTop - sticky - (room - height) / 2 : absoluteTop - sticky);
        const moved = Math.abs(window.scrollY - target) > 1;
        if (moved) window.scrollTo({ top: target });
        return moved;
      };
      place();
      requestAnimationFrame(() => view.requestMeasure({ read: () => null, write: () => void place() }));
    },
    destroy() {
      view.destroy();
    },
  };
}

function linkRanges(state: EditorState, links: FileLinks): LinkRanges {
  const ranges: Array<[number, number, number]> = [];
  const builder = new RangeSetBuilder<Decoration>();
  const { refs } = links;
  for (let i = 0; i < refs.length; i += 4) {
    const line = refs[i]!;
    if (line < 1 || line > state.doc.lines) continue;
    const start = state.doc.line(line).from + refs[i + 1]! - 1;
    const end = start + refs[i + 2]!;
    const target = refs[i + 3]!;
    if (!links.targets[target]?.href || (ranges.length > 0 && start < ranges[ranges.length - 1]![1])) continue;
    ranges.push([start, end, target]);
    builder.add(start, end, linkMark);
  }
  return { ranges, targets: links.targets, decorations: builder.finish() };
}

function lineDecorations(state: EditorState, marks: EditorMarks): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (let line = 1; line <= state.doc.lines; line++) {
    const classes = [];
    if (marks.annotated.has(line)) classes.push('annotated');
    if (marks.active && line >= marks.active[0] && line <= marks.active[1]) classes.push('active');
    if (marks.selected && line >= marks.selected[0] && line <= marks.selected[1]) classes.push('sel');
    if (classes.length > 0) builder.add(state.doc.line(line).from, state.doc.line(line).from, Decoration.line({ class: classes.join(' ') }));
  }
  return builder.finish();
}
