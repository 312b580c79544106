import fs from 'node:fs';
import path from 'node:path';
import type yauzl from 'yauzl';

/** Files the jar plugin adds on its own; they are not part of the module's source tree. */
const JAR_METADATA = /^META-INF\/(MANIFEST\.MF|LICENSE(\.txt)?|NOTICE(\.txt)?|DEPENDENCIES|maven\/.*)$/;

/**
 * Unpacks a module's -sources.jar into the repository layout. Java files go under
 * `<module>/src/main/java/`. Any other file goes there too when it sits in a package folder that
 * holds Java files (a grammar next to its generated parser, say), and under
 * `<module>/src/main/resources/` otherwise. yauzl checks every entry's size while reading, so a
 * truncated or damaged jar fails here instead of producing a short file.
 */
export async function unpackSourcesJar(jarPath: string, module: string, targetRoot: string): Promise<number> {
  const zip = await openZip(jarPath);
  try {
    const entries = (await listEntries(zip)).filter((e) => !e.fileName.endsWith('/') && !JAR_METADATA.test(e.fileName));
    const javaFolders = new Set(entries.filter((e) => e.fileName.endsWith('.java')).map((e) => path.posix.dirname(e.fileName)));
    for (const entry of entries) {
      const relative = safeRelative(entry.fileName);
      if (!relative) throw new Error(`unsafe entry name ${JSON.stringify(entry.fileName)} in ${path.basename(jarPath)}`);
      const inJavaTree = relative.endsWith('.java') || javaFolders.has(path.posix.dirname(relative));
      const target = path.join(targetRoot, module, inJavaTree ? 'src/main/java' : 'src/main/resources', relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await extractEntry(zip, entry, target);
    }
    return entries.length;
  } finally {
    zip.close();
  }
}

/** Opens and walks the central directory; a damaged jar throws. */
export async function checkJar(jarPath: string): Promise<void> {
  const zip = await openZip(jarPath);
  try {
    await listEntries(zip);
  } finally {
    zip.close();
  }
}

async function openZip(jarPath: string): Promise<yauzl.ZipFile> {
  // Loaded on first use: only the Maven route reads jars, and every other command starts faster.
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(jarPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error(`cannot open ${jarPath}`));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('error', reject);
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

function extractEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error(`cannot read ${entry.fileName}`));
        return;
      }
      const out = fs.createWriteStream(target);
      stream.on('error', reject);
      out.on('error', reject);
      out.on('finish', () => resolve());
      stream.pipe(out);
    });
  });
}

function safeRelative(name: string): string | null {
  const normal = path.posix.normalize(name);
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) return null;
  return normal;
}
