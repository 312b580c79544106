import path from 'node:path';

/** Where each kind of content lives under the content root (annotations/). */
export const CONTENT_FOLDERS = {
  notes: 'notes',
  concepts: 'concepts',
  tours: 'tours',
  layouts: 'layouts',
  diagrams: 'diagrams',
} as const;

export const RESERVED_FOLDERS = new Set<string>(Object.values(CONTENT_FOLDERS));

/** annotations/<upstream path>.yaml */
export function annotationFileFor(contentRoot: string, upstreamPath: string): string {
  return `${contentRoot}/${upstreamPath}.yaml`;
}

/** The comment that lets YAML editors find the schema, relative to the annotation file. */
export function schemaCommentFor(annotationFile: string, schemaFile = 'schema/annotation-file.schema.json'): string {
  const relative = path.posix.relative(path.posix.dirname(annotationFile), schemaFile);
  return `# yaml-language-server: $schema=${relative}`;
}
