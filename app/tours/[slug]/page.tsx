import { notFound, redirect } from 'next/navigation';
import { runtime } from '@/lib/server/runtime';
import { urls } from '@/lib/site/urls';

export default async function TourStart({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!runtime().site.tourPages[slug]) notFound();
  redirect(urls.tour(slug, 1));
}
