'use client';

import { useState } from 'react';
import { annotationSnippet } from '@/lib/site/snippet';
import type { OutlineEntry } from '@/lib/site/types';

interface Props {
  path: string;
  lines: [number, number];
  text: string;
  outline: OutlineEntry[];
  annotationFileExists: boolean;
  editUrl: string;
  onClear(): void;
}

/** Shown while lines are selected: copy a permalink, or get a ready annotation to paste. */
export function SelectionBar({ path, lines, text, outline, annotationFileExists, editUrl, onClear }: Props) {
  const [dialog, setDialog] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const label = lines[0] === lines[1] ? `Line ${lines[0]}` : `Lines ${lines[0]}–${lines[1]}`;
  const snippet = dialog ? annotationSnippet({ path, lines, fileLines: text.split('\n').map((l) => l.replace(/\r$/, '')), outline, fileExists: annotationFileExists }) : '';

  const copy = async (value: string, what: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(what);
    } catch {
      setCopied('copy failed: select and copy by hand');
    }
  };

  return (
    <>
      <div className="selection-bar" role="region" aria-label="Selected lines">
        <span>{label}</span>
        <button type="button" className="button" onClick={() => copy(window.location.href, 'permalink copied')}>
          Copy permalink
        </button>
        <button type="button" className="button primary" onClick={() => setDialog(true)}>
          Annotate…
        </button>
        <button type="button" className="button" onClick={onClear} aria-label="Clear selection">
          ✕
        </button>
        <span role="status" className="muted">
          {copied ?? ''}
        </span>
      </div>
      {dialog ? (
        <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setDialog(false)} onKeyDown={(e) => e.key === 'Escape' && setDialog(false)}>
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="snippet-title">
            <h2 id="snippet-title">Annotate {label.toLowerCase()}</h2>
            <p className="muted">
              Paste this into <code>annotations/{path}.yaml</code>
              {annotationFileExists ? ' under annotations:' : ' (a new file)'}, write the title and body, then run <code>npm run check</code>. The fingerprint records what these lines say today.
            </p>
            <label htmlFor="snippet" className="sr-only">
              Annotation YAML
            </label>
            <textarea id="snippet" readOnly value={snippet} autoFocus />
            <p style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <button type="button" className="button primary" onClick={() => copy(snippet, 'YAML copied')}>
                Copy YAML
              </button>
              <a className="button" href={editUrl} target="_blank" rel="noopener noreferrer">
                {annotationFileExists ? 'Edit the annotation file on GitHub' : 'Create the annotation file on GitHub'}
              </a>
              <button type="button" className="button" onClick={() => setDialog(false)}>
                Close
              </button>
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
