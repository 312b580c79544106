import fs from 'node:fs';
import path from 'node:path';
import { runMain } from '../lib/cli/run';
import { projectRoot } from '../lib/paths';

const USAGE = `usage: npm run lockfile [-- --check]

Some registry mirrors serve only the platform builds of the machine that made the lock file
(for instance @next/swc-linux-x64-gnu but not @next/swc-darwin-arm64). npm then leaves the other
platforms' optional packages out of package-lock.json, and \`npm ci\` refuses the lock on every
machine. This adds the missing entries (exact versions from the parent's optionalDependencies, os
and cpu from the package name), so npm ci accepts the lock and skips them as foreign platforms.
Run it after \`npm install\`.

  --check  change nothing; exit 1 if entries are missing`;

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm', 'wasm32'];

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const file = path.join(projectRoot(), 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages: Record<string, LockPackage> };
  const added: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!/^\d+\.\d+\.\d+/.test(spec) || resolves(lock.packages, location, name)) continue;
      const platform = platformOf(name);
      if (!platform) continue;
      lock.packages[`node_modules/${name}`] = { version: spec, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
      added.push(`${name}@${spec}`);
    }
  }
  if (process.argv.includes('--check')) {
    if (added.length === 0) return 0;
    process.stderr.write(`error: package-lock.json lacks ${added.length} foreign-platform optional packages (${added.slice(0, 3).join(', ')}...)\n  hint: run npm run lockfile\n`);
    return 1;
  }
  if (added.length > 0) {
    lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
    fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  }
  process.stdout.write(`lockfile: ${added.length} entries added\n`);
  return 0;
});

/** Whether node's resolution from `location` finds the package somewhere in the lock. */
function resolves(packages: Record<string, LockPackage>, location: string, name: string): boolean {
  let base = location;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

function platformOf(name: string): Pick<LockPackage, 'os' | 'cpu' | 'libc'> | null {
  const parts = name.split('/').pop()!.split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c)) ?? (parts.includes('gnueabihf') || parts.includes('musleabihf') || parts.includes('eabi') ? 'arm' : undefined);
  if (!os || !cpu) return null;
  const libc = parts.some((p) => p.startsWith('musl')) ? ['musl'] : parts.some((p) => p.startsWith('gnu')) ? ['glibc'] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}
