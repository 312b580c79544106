import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../cli/errors';
import { gitHead } from './git';
import type { Pin } from './pin';
import type { UpstreamSource } from './types';

/**
 * ROCKETMQ_SRC names any local tree. It is an explicit instruction, so a bad value is an error
 * rather than a reason to quietly try the next route.
 */
export async function fromEnv(value: string, pin: Pin): Promise<UpstreamSource> {
  const root = path.resolve(value);
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (!stat) {
    throw new UserError(`ROCKETMQ_SRC=${value} does not exist`, {
      hint: 'point ROCKETMQ_SRC at a RocketMQ checkout, or unset it to use the submodule or the Maven sources',
    });
  }
  if (!stat.isDirectory()) {
    throw new UserError(`ROCKETMQ_SRC=${value} is not a folder`, {
      hint: 'point ROCKETMQ_SRC at the top folder of a RocketMQ checkout',
    });
  }
  if (!containsJava(root, 6)) {
    throw new UserError(`ROCKETMQ_SRC=${value} contains no .java files`, {
      hint: 'point ROCKETMQ_SRC at the top folder of a RocketMQ checkout (the one with store/, broker/, client/ ...)',
    });
  }
  const commit = await gitHead(root);
  return {
    root,
    route: 'env',
    tag: pin.tag,
    version: pin.version,
    commit,
    description: `ROCKETMQ_SRC=${root}${commit ? ` (git checkout at ${commit.slice(0, 10)})` : ''}`,
  };
}

/** Looks a few levels down for a .java file, skipping hidden folders; stops at the first one. */
function containsJava(dir: string, depth: number): boolean {
  const queue: Array<[string, number]> = [[dir, 0]];
  while (queue.length > 0) {
    const [current, level] = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile() && entry.name.endsWith('.java')) return true;
      if (entry.isDirectory() && level < depth + 4) queue.push([path.join(current, entry.name), level + 1]);
    }
  }
  return false;
}
