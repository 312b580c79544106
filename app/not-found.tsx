import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>There is no such page or file in this version of the source.</p>
      <p>
        <Link href="/">Back to the book</Link> · press <kbd>t</kbd> to find a file
      </p>
    </main>
  );
}
