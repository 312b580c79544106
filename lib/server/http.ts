import 'server-only';
import { NextResponse } from 'next/server';

/** A 400 with a message that says what to send instead. */
export function badRequest(message: string): NextResponse<{ error: string }> {
  return NextResponse.json({ error: message }, { status: 400 });
}

/** A positive whole number from a query parameter, or the reason it is not one. */
export function positiveInt(value: string | null, name: string): number | string {
  if (value === null || value === '') return `missing ${name}`;
  if (!/^\d+$/.test(value) || Number(value) < 1) return `${name} must be a positive whole number, not ${JSON.stringify(value)}`;
  return Number(value);
}

export function flag(value: string | null): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}
