import type { NavRequest } from './NavPanel';

interface HoverInfo {
  location: { id: string; kind: string; path: string; line: number; href: string };
  signature: string;
  doc: string | null;
  annotations: number;
  references: number;
}

const cache = new Map<string, Promise<HoverInfo | null>>();

/**
 * The card shown when hovering a linked identifier: its declaration's signature, the first sentence
 * of its javadoc, and how many annotations and references it has, with buttons for both lists.
 * Built as plain DOM because CodeMirror owns the tooltip element.
 */
export async function buildHoverCard(symbolId: string, open: (request: NavRequest) => void): Promise<HTMLElement | null> {
  let pending = cache.get(symbolId);
  if (!pending) {
    pending = fetch(`/api/hover?symbol=${encodeURIComponent(symbolId)}`).then((r) => (r.ok ? (r.json() as Promise<HoverInfo>) : null), () => null);
    cache.set(symbolId, pending);
  }
  const info = await pending;
  if (!info) return null;
  const card = document.createElement('div');
  card.className = 'hover-card';
  const signature = document.createElement('code');
  signature.className = 'hover-signature';
  signature.textContent = info.signature;
  card.append(signature);
  if (info.doc) {
    const doc = document.createElement('p');
    doc.textContent = info.doc;
    card.append(doc);
  }
  const where = document.createElement('p');
  where.className = 'hover-where';
  const link = document.createElement('a');
  link.href = info.location.href;
  link.textContent = `${info.location.path.split('/').pop()}:${info.location.line}`;
  where.append(link, ` · ${info.annotations} annotation${info.annotations === 1 ? '' : 's'}`);
  card.append(where);
  const actions = document.createElement('div');
  actions.className = 'hover-actions';
  const button = (label: string, request: NavRequest) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'button';
    element.textContent = label;
    element.addEventListener('click', () => open(request));
    actions.append(element);
  };
  button(`References (${info.references})`, { kind: 'references', symbol: info.location.id });
  if (/^(class|interface|enum|record|annotation|method)$/.test(info.location.kind)) button('Implementations', { kind: 'implementations', symbol: info.location.id });
  card.append(actions);
  return card;
}
