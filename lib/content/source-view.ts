import fs from 'node:fs';
import path from 'node:path';
import { hashesOf, type FileVersion } from '../anchors/resolve';
import type { LoadedIndex } from '../index/read';
import { decodeSource } from '../java/decode';
import { normalizeSymbolId } from '../java/symbol-id';
import type { JavaSymbol } from '../java/types';

export interface SymbolLocation {
  path: string;
  symbol: JavaSymbol;
}

/**
 * Read access to one indexed version of the source: file texts (split into lines the way the
 * index counts them), symbols and line hashes, each computed once.
 */
export class SourceView {
  private readonly filesByPath: Map<string, LoadedIndex['files'][number]>;
  private readonly versions = new Map<string, FileVersion | null>();
  private readonly hashCache = new Map<string, string[]>();
  private symbolIndex: Map<string, SymbolLocation> | undefined;

  constructor(readonly index: LoadedIndex) {
    this.filesByPath = new Map(index.files.map((f) => [f.path, f]));
  }

  get root(): string {
    return this.index.manifest.root;
  }

  has(upstreamPath: string): boolean {
    return this.filesByPath.has(upstreamPath);
  }

  paths(): IterableIterator<string> {
    return this.filesByPath.keys();
  }

  /** A Java file's lines and symbols, or null when the index has no such Java file. */
  file(upstreamPath: string): FileVersion | null {
    if (this.versions.has(upstreamPath)) return this.versions.get(upstreamPath)!;
    const entry = this.filesByPath.get(upstreamPath);
    const facts = entry?.kind === 'java' ? this.index.java[entry.sha1] : undefined;
    let version: FileVersion | null = null;
    if (entry && facts) {
      const text = decodeSource(fs.readFileSync(path.join(this.root, upstreamPath))).text;
      version = { path: upstreamPath, lines: splitLines(text), symbols: facts.symbols };
    }
    this.versions.set(upstreamPath, version);
    return version;
  }

  hashes(upstreamPath: string): string[] | null {
    const cached = this.hashCache.get(upstreamPath);
    if (cached) return cached;
    const version = this.file(upstreamPath);
    if (!version) return null;
    const hashes = hashesOf(version);
    this.hashCache.set(upstreamPath, hashes);
    return hashes;
  }

  /** Finds a symbol by id anywhere in the source (spaces in the id are ignored). */
  symbol(id: string): SymbolLocation | undefined {
    if (!this.symbolIndex) {
      this.symbolIndex = new Map();
      for (const file of this.index.files) {
        const facts = file.kind === 'java' ? this.index.java[file.sha1] : undefined;
        for (const symbol of facts?.symbols ?? []) {
          if (symbol.kind !== 'package' && !this.symbolIndex.has(symbol.id)) this.symbolIndex.set(symbol.id, { path: file.path, symbol });
        }
      }
    }
    return this.symbolIndex.get(normalizeSymbolId(id));
  }

  symbolIds(): IterableIterator<string> {
    this.symbol('');
    return this.symbolIndex!.keys();
  }
}

/** Lines as the index counts them: split on "\n", a trailing "\r" dropped, no empty line after a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
