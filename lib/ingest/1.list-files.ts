import fs from 'node:fs';
import path from 'node:path';

export interface ListedFile {
  /** Path relative to the source root, with `/` separators. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Folders and files that belong to tools, not to the source. */
const SKIPPED = new Set(['.git', '.rocketmq-learning-commit', 'node_modules']);

/** Every regular file under the root, sorted by path. Symbolic links are not followed. */
export function listFiles(root: string): ListedFile[] {
  const files: ListedFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(absolute, relative);
      else if (entry.isFile()) {
        const stat = fs.statSync(absolute);
        files.push({ path: relative, size: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
  };
  walk(root, '');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
