/** An API failure carrying the envelope's message, so pages can show what the server said. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly requestId: string | null;

  constructor(message: string, status: number, code: string | null, requestId: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }

  /** 403 with meta.code "tier_required": the page shows what the tier would unlock. */
  get tierRequired(): boolean {
    return this.status === 403 && this.code === 'tier_required';
  }

  /** The tier named in "Requires pro tier", when there is one. */
  get requiredTier(): string | null {
    const match = /requires (\w+) tier/i.exec(this.message);
    return match?.[1]?.toLowerCase() ?? null;
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds an ApiError from an error envelope (or anything else a proxy may answer). */
export function errorFromBody(body: unknown, response: Response): ApiError {
  const requestId = response.headers.get('X-Request-ID');
  if (isRecord(body)) {
    const meta = isRecord(body.meta) ? body.meta : {};
    const code = typeof meta.code === 'string' ? meta.code : null;
    const message = typeof body.error === 'string' && body.error ? body.error : `HTTP ${response.status}`;
    return new ApiError(message, response.status, code, requestId);
  }
  const text = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(`HTTP ${response.status}${text}`, response.status, null, requestId);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
