import type { components } from './schema';

/** CSRF double submit: the server sets a readable `cl_csrf` cookie (GET /api/v1/auth/csrf; a new
 * one with every new session cookie: login, password change, two-factor on or off, logout), bound
 * to the session; every unsafe request echoes it in X-CSRF-Token, read from the cookie each time. */
export const CSRF_COOKIE = 'cl_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const [rawKey, ...rest] = part.trim().split('=');
    if (rawKey === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let inflight: Promise<string> | null = null;

function fromCookie(): string | null {
  return typeof document === 'undefined' ? null : readCookie(document.cookie, CSRF_COOKIE);
}

/** The current token, fetching one first when the cookie is missing (or `refresh` is set). */
export async function csrfToken(refresh = false): Promise<string> {
  const existing = refresh ? null : fromCookie();
  if (existing) return existing;
  inflight ??= fetch('/api/v1/auth/csrf', { credentials: 'same-origin' })
    .then(async (response) => {
      const body = (await response.json().catch(() => null)) as components['schemas']['Envelope_CsrfOut_'] | null;
      return fromCookie() ?? body?.data?.csrf_token ?? '';
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}
