import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { locateUpstream, type UpstreamRoute } from '../lib/upstream';

const USAGE = `usage: npm run upstream -- [--version <release>] [--route <route>] [--json]

Finds the RocketMQ source tree and fetches it when needed, then prints where it is.
For the pinned release (upstream.json) the routes are tried in this order:
  env             ROCKETMQ_SRC=/path/to/any/rocketmq/checkout
  submodule       upstream/ already checked out
  submodule-init  git submodule update --init --depth 1 upstream
  maven           the release's -sources.jar files, fetched with mvn into .cache/upstream/
Another release (--version 5.3.2 or rocketmq-all-5.3.2) comes from the submodule's history
(route git-tag) or from Maven. A second run uses the cache and does not touch the network.

  --version <release>  fetch another release than the pinned one
  --route <route>      use only that route
  --json               print the result as JSON on stdout`;

const ROUTES: readonly UpstreamRoute[] = ['env', 'submodule', 'submodule-init', 'git-tag', 'maven'];

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--version', '--route'], switches: ['--json'] }, USAGE);
  if (args.positionals.length > 0) throw new UserError(`unexpected argument ${args.positionals[0]}`, { hint: USAGE, exitCode: 2 });
  const route = args.values.get('--route');
  if (route !== undefined && !ROUTES.includes(route as UpstreamRoute)) {
    throw new UserError(`unknown route ${route}`, { hint: `one of: ${ROUTES.join(', ')}`, exitCode: 2 });
  }
  const source = await locateUpstream({ release: args.values.get('--version'), only: route as UpstreamRoute | undefined });
  if (args.switches.has('--json')) {
    process.stdout.write(JSON.stringify(source, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(`${source.root}\n`);
  if (source.gaps) {
    const { modulesWithoutSources, onlyInCheckout } = source.gaps;
    process.stderr.write(`upstream: modules without a sources jar: ${modulesWithoutSources.join(', ') || 'none'}\n`);
    process.stderr.write(`upstream: only a git checkout has: ${onlyInCheckout.join('; ')}\n`);
  }
  return 0;
});
