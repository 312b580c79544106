import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJar, unpackSourcesJar } from '../../../lib/upstream/jar';
import { listTree, makeTempDir, removeTempDirs } from '../../helpers/temp';
import { buildZip, type ZipEntry } from '../../helpers/zip';

afterAll(removeTempDirs);

function writeJar(entries: ZipEntry[]): string {
  const file = path.join(makeTempDir('jar'), 'demo-1.0-sources.jar');
  fs.writeFileSync(file, buildZip(entries));
  return file;
}

const MAIN = 'package org.example.demo;\n\npublic class Main {}\n';
const HELPER = 'package org.example.demo.util;\n\nclass Helper {}\n';
const GRAMMAR = 'options { STATIC = false; }\n';
const SERVICE = 'org.example.demo.Main\n';
const PROPERTIES = 'timeout=3\n';
const LOGBACK = '<configuration/>\n';

const SOURCES_JAR: ZipEntry[] = [
  { name: 'META-INF/' },
  { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\n\r\n' },
  { name: 'META-INF/LICENSE', data: 'licence text\n' },
  { name: 'META-INF/maven/org.example/demo/pom.xml', data: '<project/>\n' },
  { name: 'META-INF/services/org.example.demo.Plugin', data: SERVICE },
  { name: 'org/' },
  { name: 'org/example/' },
  { name: 'org/example/demo/' },
  { name: 'org/example/demo/Main.java', data: MAIN },
  { name: 'org/example/demo/grammar.jj', data: GRAMMAR },
  { name: 'org/example/demo/util/Helper.java', data: HELPER },
  { name: 'conf/defaults.properties', data: PROPERTIES },
  { name: 'logback.xml', data: LOGBACK },
];

describe('unpackSourcesJar', () => {
  it('lays a sources jar out like the repository and skips the jar`s own metadata', async () => {
    const target = makeTempDir('unpacked');
    const count = await unpackSourcesJar(writeJar(SOURCES_JAR), 'demo', target);
    const expected: Record<string, string> = {
      'demo/src/main/java/org/example/demo/Main.java': MAIN,
      // Not Java, but in a package folder that holds Java: it stays beside the Java files.
      'demo/src/main/java/org/example/demo/grammar.jj': GRAMMAR,
      'demo/src/main/java/org/example/demo/util/Helper.java': HELPER,
      // Folders without Java are resources.
      'demo/src/main/resources/conf/defaults.properties': PROPERTIES,
      'demo/src/main/resources/logback.xml': LOGBACK,
      // Service registrations are part of the module; the manifest, licence and maven/ are not.
      'demo/src/main/resources/META-INF/services/org.example.demo.Plugin': SERVICE,
    };
    expect(listTree(target)).toEqual(Object.keys(expected).sort());
    for (const [file, content] of Object.entries(expected)) expect(fs.readFileSync(path.join(target, file), 'utf8')).toBe(content);
    expect(count).toBe(Object.keys(expected).length);
  });

  it('keeps bytes exactly, whatever their encoding', async () => {
    const latin1 = Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0d, 0x0a, 0x63, 0x6c, 0x61, 0x73, 0x73, 0x20, 0x58, 0x7b, 0x7d, 0x0a]);
    const target = makeTempDir('bytes');
    await unpackSourcesJar(writeJar([{ name: 'x/X.java', data: latin1 }]), 'm', target);
    expect(fs.readFileSync(path.join(target, 'm/src/main/java/x/X.java')).equals(latin1)).toBe(true);
  });

  it.each(['../evil.txt', 'org/../../evil.txt', '/evil.txt'])('rejects an entry named %s and writes nothing', async (name) => {
    const parent = makeTempDir('escape');
    const target = path.join(parent, 'target');
    fs.mkdirSync(target);
    const jar = writeJar([
      { name: 'org/example/Ok.java', data: 'class Ok {}\n' },
      { name, data: 'should never be written\n' },
    ]);
    await expect(unpackSourcesJar(jar, 'demo', target)).rejects.toThrow(/relative path|absolute path|unsafe entry/);
    expect(listTree(parent)).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(parent), 'evil.txt'))).toBe(false);
  });

  it('fails on a truncated jar instead of unpacking part of it', async () => {
    const whole = buildZip(SOURCES_JAR);
    const jar = writeJar(SOURCES_JAR);
    fs.writeFileSync(jar, whole.subarray(0, whole.length - 30));
    await expect(checkJar(jar)).rejects.toThrow();
    const target = makeTempDir('truncated');
    await expect(unpackSourcesJar(jar, 'demo', target)).rejects.toThrow();
    expect(listTree(target)).toEqual([]);
  });

  it('accepts the intact jar in checkJar', async () => {
    await expect(checkJar(writeJar(SOURCES_JAR))).resolves.toBeUndefined();
  });
});
