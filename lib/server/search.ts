import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSource } from '../java/decode';
import { TYPE_KINDS } from '../java/types';
import { SymbolSearch, type SymbolHit } from '../search/symbol-search';
import { TextCorpus } from '../search/text-search';
import { fuzzyScore } from '../site/tree-data';
import { urls } from '../site/urls';
import { derived } from './runtime';

export function textCorpus(): TextCorpus {
  return derived('text-corpus', ({ index }) => {
    const files = index.files.filter((file) => file.kind !== 'binary');
    return new TextCorpus(files.map((file) => ({ path: file.path, text: decodeSource(fs.readFileSync(path.join(index.manifest.root, file.path))).text })));
  });
}

export function symbolSearch(): SymbolSearch {
  return derived('symbol-search', ({ index }) => {
    const entries = [];
    for (const file of index.files) {
      const symbols = file.kind === 'java' ? index.java[file.sha1]?.symbols : undefined;
      for (const symbol of symbols ?? []) {
        if (symbol.kind === 'package' || (symbol.local && !TYPE_KINDS.has(symbol.kind)) || symbol.name.startsWith('new ')) continue;
        entries.push({ id: symbol.id, name: symbol.name, kind: symbol.kind, path: file.path, line: symbol.nameRange[0], test: !file.path.includes('/src/main/') });
      }
    }
    return new SymbolSearch(entries);
  });
}

export interface QuickResult {
  label: string;
  detail: string;
  href: string;
}

export interface QuickResults {
  files: QuickResult[];
  symbols: QuickResult[];
  concepts: QuickResult[];
  notes: QuickResult[];
  annotations: QuickResult[];
}

/** The search box's groups (everything but full-text code search), a few results each. */
export function quickSearch(query: string, limit = 6): QuickResults {
  const q = query.trim();
  const empty: QuickResults = { files: [], symbols: [], concepts: [], notes: [], annotations: [] };
  if (!q) return empty;
  const { site, index } = derivedSources();
  const lower = q.toLowerCase();
  const files = index
    .map((p) => ({ p, score: fuzzyScore(p, q) }))
    .filter((r) => r.score >= 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ p }) => ({ label: p.split('/').pop() ?? p, detail: p, href: urls.code(p) }));
  const symbols = symbolSearch()
    .search(q, limit)
    .map((hit: SymbolHit) => ({ label: hit.name, detail: `${hit.kind} · ${hit.id}`, href: urls.code(hit.path, [hit.line, hit.line]) }));
  const concepts = Object.values(site.concepts)
    .filter((c) => c.term.toLowerCase().includes(lower) || c.aliases.some((a) => a.toLowerCase().includes(lower)) || c.slug.includes(lower))
    .slice(0, limit)
    .map((c) => ({ label: c.term, detail: c.category === 'background' ? 'background concept' : 'concept', href: urls.concept(c.slug) }));
  const notes = site.book
    .flatMap((chapter) => [
      { label: chapter.title, detail: `chapter ${chapter.chapter}`, href: urls.note(chapter.slug), text: `${chapter.title} ${chapter.summary}` },
      ...chapter.sections.map((s) => ({ label: s.title, detail: chapter.title, href: urls.note(chapter.slug, s.id), text: s.title })),
    ])
    .filter((n) => n.text.toLowerCase().includes(lower))
    .slice(0, limit)
    .map(({ label, detail, href }) => ({ label, detail, href }));
  const annotations = Object.values(site.files)
    .flatMap((file) => file.annotations.map((a) => ({ a, path: file.path })))
    .filter(({ a }) => a.title.toLowerCase().includes(lower) || a.bodyHtml.replace(/<[^>]+>/g, '').toLowerCase().includes(lower))
    .slice(0, limit)
    .map(({ a, path: filePath }) => ({ label: a.title, detail: `${filePath.split('/').pop()}${a.lines ? `:${a.lines[0]}` : ''}`, href: urls.code(filePath, a.lines ?? undefined) }));
  return { files, symbols, concepts, notes, annotations };
}

function derivedSources() {
  return derived('quick-sources', ({ site, index }) => ({ site, index: index.files.map((f) => f.path) }));
}
