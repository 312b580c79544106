import path from 'node:path';
import { dataDir } from '../paths';

export function indexDir(stamp: string): string {
  return path.join(dataDir(), 'index', stamp);
}

export function currentIndexFile(): string {
  return path.join(dataDir(), 'current.json');
}

export const MANIFEST_FILE = 'manifest.json';
export const FILES_FILE = 'files.json';
export const JAVA_FILE = 'java.json';
