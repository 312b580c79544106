/** Every URL the site builds, in one place. */
export const urls = {
  home: () => '/',
  code: (path: string, lines?: readonly [number, number]) => `/code/${encodePath(path)}${lines ? lineFragment(lines) : ''}`,
  note: (slug: string, section?: string) => `/notes/${slug}${section ? `#${section}` : ''}`,
  concept: (slug: string) => `/concepts/${slug}`,
  concepts: () => '/concepts',
  tour: (slug: string, step?: number) => `/tours/${slug}${step ? `/${step}` : ''}`,
  tours: () => '/tours',
  symbol: (id: string) => `/symbol/${encodeURIComponent(id)}`,
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
};

export function lineFragment(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `#L${lines[0]}` : `#L${lines[0]}-L${lines[1]}`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
