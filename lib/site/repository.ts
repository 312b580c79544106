import packageJson from '../../package.json';

/**
 * Where contributors edit the content: the project's own GitHub repository, from package.json
 * (`repository.url`), overridable with NEXT_PUBLIC_REPOSITORY_URL for forks.
 */
const REPOSITORY = (process.env.NEXT_PUBLIC_REPOSITORY_URL ?? packageJson.repository.url).replace(/\.git$/, '');
const BRANCH = process.env.NEXT_PUBLIC_REPOSITORY_BRANCH ?? 'main';

export function editAnnotationUrl(upstreamPath: string, exists: boolean): string {
  const file = `annotations/${upstreamPath}.yaml`;
  if (exists) return `${REPOSITORY}/edit/${BRANCH}/${file}`;
  const folder = file.slice(0, file.lastIndexOf('/'));
  return `${REPOSITORY}/new/${BRANCH}/${folder}?filename=${encodeURIComponent(file.slice(folder.length + 1))}`;
}
