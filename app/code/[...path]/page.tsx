import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { editAnnotationUrl } from '@/lib/site/repository';
import { outline, runtime, sourceFile } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';
import { CodeWorkspace } from '../../components/code/CodeWorkspace';
import { ssrLinesHtml } from '../../components/code/ssr-lines';
import { putSsrCode, ssrCodeKey } from '@/lib/site/ssr-code';
import { FileContext } from '../../components/code/FileContext';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { PanelToggle } from '../../components/PanelToggle';
import { SidePanel } from '../../components/SidePanel';

interface Params {
  params: Promise<{ path: string[] }>;
}

export const dynamicParams = true;

/** Annotated files are rendered at build time; any other file on its first request, then cached. */
export function generateStaticParams(): Array<{ path: string[] }> {
  return Object.keys(runtime().site.files).map((path) => ({ path: path.split('/') }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const path = upstreamPathOf((await params).path);
  const file = runtime().filesByPath.get(path);
  if (!file) return { title: 'File not found' };
  const annotations = runtime().site.files[path]?.annotations.length ?? 0;
  const name = path.split('/').pop();
  return {
    title: name,
    description: `${path} from Apache RocketMQ ${runtime().site.version}${annotations ? `, with ${annotations} annotations explaining how it works` : ''}.`,
  };
}

export default async function CodePage({ params }: Params) {
  const path = upstreamPathOf((await params).path);
  const file = sourceFile(path);
  if (!file) notFound();
  const { site } = runtime();
  const content = site.files[path];
  const entries = outline(file.entry);
  const segments = path.split('/');
  const moduleName = segments[0] ?? '';
  const javaRoot = segments.indexOf('java');
  const packagePath = javaRoot >= 0 ? segments.slice(javaRoot + 1, -1).join('.') : segments.slice(1, -1).join('/');

  return (
    <div className="code-page" data-tree="auto">
      <SidePanel path={path} stamp={site.stamp} outline={entries} />
      <main className="code-main">
        <div className="code-toolbar">
          <PanelToggle />
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            <Link href={`/code#${moduleName}`}>{moduleName}</Link>
            {packagePath ? (
              <>
                <span className="sep" aria-hidden="true">/</span>
                <span className="muted">{packagePath}</span>
              </>
            ) : null}
            <span className="sep" aria-hidden="true">/</span>
            <h1 className="file" style={{ fontSize: 'inherit', margin: 0 }}>
              {segments.at(-1)}
            </h1>
          </nav>
          <div className="toolbar-actions">
            {content?.annotations.length ? <span className="muted" style={{ fontSize: 13 }}>{content.annotations.length} annotations · <kbd>j</kbd>/<kbd>k</kbd></span> : null}
            <CopyLinkButton />
          </div>
        </div>
        {content?.summaryHtml ? <div className="file-summary" dangerouslySetInnerHTML={{ __html: content.summaryHtml }} /> : null}
        {content ? <FileContext noteRefs={content.noteRefs} annotations={content.annotations} /> : null}
        {file.text === null ? (
          <p className="binary-note">This is a binary file ({file.entry.size.toLocaleString('en')} bytes); there is nothing to show as text.</p>
        ) : (
          <CodeWorkspace
            path={path}
            codeKey={renderLines(site.stamp, path, file.text, file.entry.kind === 'java' ? 'java' : 'text', content?.annotations ?? [])}
            lineCount={file.text.split('\n').length}
            language={file.entry.kind === 'java' ? 'java' : 'text'}
            annotations={content?.annotations ?? []}
            outline={entries}
            annotationFileExists={Boolean(content && (content.annotations.length > 0 || content.summaryHtml))}
            stamp={site.stamp}
            editUrl={editAnnotationUrl(path, Boolean(content && (content.annotations.length > 0 || content.summaryHtml)))}
          />
        )}
        <p className="muted code-footer">
          {path} at <Link href={urls.home()}>RocketMQ {site.version}</Link>
          {site.commit ? ` (commit ${site.commit.slice(0, 10)})` : ''}. Source © The Apache Software Foundation, Apache License 2.0.
        </p>
      </main>
    </div>
  );
}

/** Renders the file's lines once, for the code view to pick up during server rendering. */
function renderLines(stamp: string, path: string, text: string, language: 'java' | 'text', annotations: Array<{ lines: [number, number] | null }>): string {
  const annotated = new Set<number>();
  for (const a of annotations) if (a.lines) for (let line = a.lines[0]; line <= a.lines[1]; line++) annotated.add(line);
  const key = ssrCodeKey(stamp, path);
  putSsrCode(key, ssrLinesHtml(text, language, annotated));
  return key;
}

/** Route segments back to the upstream path; anything the index does not list is a 404 later. */
function upstreamPathOf(segments: string[]): string {
  return segments.map((segment) => safeDecode(segment)).join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
