/** Code metrics shared by the server-rendered lines, CodeMirror (see globals.css) and the rail. */
export const LINE_PX = 20;
export const PAD_PX = 8;
export const CARD_PX = 84;
export const CARD_GAP_PX = 8;

/** Top of each card: beside its first line, or just below the card above when they would overlap. */
export function railTops(startLines: readonly number[], heights: readonly (number | undefined)[] = []): number[] {
  const tops: number[] = [];
  let bottom = -Infinity;
  startLines.forEach((line, i) => {
    const top = Math.max(PAD_PX + (line - 1) * LINE_PX, bottom + CARD_GAP_PX);
    tops.push(top);
    bottom = top + (heights[i] ?? CARD_PX);
  });
  return tops;
}

export function gutterWidthCh(lineCount: number): number {
  return Math.max(3, String(lineCount).length) + 1;
}
