import { java } from '@codemirror/lang-java';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, lineNumberMarkers, lineNumbers, type DecorationSet } from '@codemirror/view';
import { javaHighlighter } from '@/lib/highlight/java';

/** What the page tells the editor to show. */
export interface EditorMarks {
  annotated: ReadonlySet<number>;
  selected: readonly [number, number] | null;
  active: readonly [number, number] | null;
}

export interface EditorHandle {
  view: EditorView;
  setMarks(marks: EditorMarks): void;
  destroy(): void;
}

export interface EditorOptions {
  text: string;
  language: 'java' | 'text';
  marks: EditorMarks;
  onLineNumber(line: number, extend: boolean): void;
  onLineHover(line: number | null): void;
}

const setMarks = StateEffect.define<EditorMarks>();

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
  const gutterMarks = lineNumberMarkers.compute([marksField], (state) => {
    const builder = new RangeSetBuilder<GutterMarker>();
    const { annotated } = state.field(marksField);
    for (let line = 1; line <= state.doc.lines; line++) if (annotated.has(line)) builder.add(state.doc.line(line).from, state.doc.line(line).from, annotatedMarker);
    return builder.finish();
  });
  const extensions: Extension[] = [
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    marksField,
    decorations,
    gutterMarks,
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
    destroy() {
      view.destroy();
    },
  };
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
