import createClient, { type Middleware } from 'openapi-fetch';
import { CSRF_HEADER, csrfToken, UNSAFE_METHODS } from './csrf';
import { ApiError, errorFromBody } from './errors';
import type { paths } from './schema';

/** Unsafe requests as they were before sending, kept to send once more after a CSRF refusal. */
const unsafeCopies = new WeakMap<Request, Request>();

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { meta?: { code?: unknown } } | null;
  return body?.meta?.code === 'csrf_failed';
}

/** Adds the CSRF header to unsafe requests and JSON content type to bodies. The token is bound
 * to the session: when the cookie's token no longer matches it (the session changed in another
 * tab, or one cookie expired before the other), the request is refused once, the current token
 * is fetched and the request is sent again. */
const csrfMiddleware: Middleware = {
  async onRequest({ request }) {
    if (UNSAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set(CSRF_HEADER, await csrfToken());
      if (!request.headers.has('Content-Type')) {
        request.headers.set('Content-Type', 'application/json');
      }
      unsafeCopies.set(request, request.clone());
    }
    return request;
  },
  async onResponse({ request, response }) {
    const copy = unsafeCopies.get(request);
    if (copy === undefined || !(await isCsrfRefusal(response))) return response;
    unsafeCopies.delete(request);
    copy.headers.set(CSRF_HEADER, await csrfToken(true));
    return fetch(copy);
  },
};

/** The typed client: paths, parameters and bodies come from the generated schema. */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});
api.use(csrfMiddleware);

/** The envelope's meta is an open object in the schema; these read its documented keys. */
export type Meta = Record<string, unknown>;

export interface Page<T> {
  data: T;
  meta: Meta;
}

export function metaCursor(meta: Meta): string | null {
  const value = meta.next_cursor;
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  return null;
}

export function metaCount(meta: Meta): number | null {
  return typeof meta.count === 'number' ? meta.count : null;
}

interface Enveloped<T> {
  data?: T | null;
  meta: Meta;
}

interface ResultLike<T> {
  data?: Enveloped<T>;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns the envelope's data, or throws an ApiError with
 * the server's message and meta.code. */
export async function unwrap<T>(call: Promise<ResultLike<T>>): Promise<Page<NonNullable<T>>> {
  let result: ResultLike<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(cause instanceof Error ? `Network error: ${cause.message}` : 'Network error', 0, 'network', null);
  }
  const { data: envelope, error, response } = result;
  if (!response.ok || envelope === undefined) {
    throw errorFromBody(error, response);
  }
  return { data: envelope.data as NonNullable<T>, meta: envelope.meta };
}

/** Envelope data only. */
export async function unwrapData<T>(call: Promise<ResultLike<T>>): Promise<NonNullable<T>> {
  return (await unwrap(call)).data;
}
