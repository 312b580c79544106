'use client';

import { useState } from 'react';

/** Copies the page's URL, with the selected lines if any. */
export function CopyLinkButton() {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        void navigator.clipboard.writeText(window.location.href).then(
          () => setDone(true),
          () => setDone(false),
        );
        setTimeout(() => setDone(false), 1500);
      }}
    >
      {done ? 'Copied' : 'Copy permalink'}
    </button>
  );
}
