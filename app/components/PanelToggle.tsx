'use client';

/** Shows or hides the files-and-outline panel (a drawer on narrow screens). */
export function PanelToggle() {
  return (
    <button type="button" className="icon-button" aria-label="Toggle files and outline" title="Files and outline" onClick={() => window.dispatchEvent(new Event('rocketmq:toggle-panel'))}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
        <path d="M1 2.75C1 1.78 1.78 1 2.75 1h10.5c.97 0 1.75.78 1.75 1.75v10.5A1.75 1.75 0 0 1 13.25 15H2.75A1.75 1.75 0 0 1 1 13.25zm1.75-.25a.25.25 0 0 0-.25.25v10.5c0 .14.11.25.25.25H5.5v-11zM7 13.5h6.25a.25.25 0 0 0 .25-.25V2.75a.25.25 0 0 0-.25-.25H7z" />
      </svg>
    </button>
  );
}
