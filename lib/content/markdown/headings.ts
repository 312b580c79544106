/**
 * Section ids: the heading text in lower case, characters other than letters, digits, spaces and
 * hyphens dropped, spaces turned into hyphens; a repeated id gets `-1`, `-2` like GitHub.
 */
export class HeadingIds {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = headingSlug(text) || 'section';
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');
}
