import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths';
import type { SiteData } from './types';

export function siteDataFile(): string {
  return path.join(dataDir(), 'site.json');
}

export function writeSiteData(site: SiteData): string {
  const file = siteDataFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify(site));
  fs.renameSync(partial, file);
  return file;
}
