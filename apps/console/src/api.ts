// Thin tRPC-over-HTTP client (plain JSON, no transformer, no batching), typed by the API's router:
// the procedure path, its input and its output all come from `AppRouter` (a type-only import).
//   query    = GET  /trpc/<path>?input=<encodeURIComponent(JSON)>
//   mutation = POST /trpc/<path>  with the JSON input as body
// success: {"result":{"data":...}}; error: {"error":{"message","code","data":{"code","httpStatus","issues"?}}}
import type { AnyProcedure, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@ufp/api';
import { clearToken, getToken } from './session';

/** Every procedure's input, by path: `RouterInputs['units']['create']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output (as JSON, no transformer), by path: `RouterOutputs['hardship']['files']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

type ProcedureRecord = AppRouter['_def']['record'];
/** Dotted paths of the procedures of `kind` in a router record (`'units.list'`, `'hardship.files.get'`, …). */
type PathsOf<R, Kind extends string> = {
  [K in keyof R & string]: R[K] extends AnyProcedure
    ? R[K]['_def']['type'] extends Kind
      ? K
      : never
    : R[K] extends object
      ? `${K}.${PathsOf<R[K], Kind>}`
      : never;
}[keyof R & string];
/** The value at a dotted path of a nested record. */
type At<T, P extends string> = P extends `${infer H}.${infer Rest}` ? (H extends keyof T ? At<T[H], Rest> : never) : P extends keyof T ? T[P] : never;

export type QueryPath = PathsOf<ProcedureRecord, 'query'>;
export type MutationPath = PathsOf<ProcedureRecord, 'mutation'>;
export type ProcedurePath = QueryPath | MutationPath;
export type InputOf<P extends ProcedurePath> = At<RouterInputs, P>;
export type OutputOf<P extends ProcedurePath> = At<RouterOutputs, P>;
/** The input argument: optional when the procedure takes none (or only an optional one). */
type InputArgs<P extends ProcedurePath> = undefined extends InputOf<P> ? [input?: InputOf<P>] : [input: InputOf<P>];

export interface Issue {
  path: (string | number)[];
  message: string;
  messageEn?: string;
}

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NETWORK'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  readonly issues: Issue[];
  /** English text of the error when the server sends one (`error.data.messageEn`). */
  readonly messageEn: string | undefined;
  /** `error.data.details` (e.g. `reason: 'user_disabled'`, `'tenant_suspended'`, `'service_paused'`). */
  readonly details: Record<string, unknown>;
  constructor(message: string, code: ErrorCode, httpStatus: number, issues: Issue[] = [], messageEn?: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.httpStatus = httpStatus;
    this.issues = issues;
    this.messageEn = messageEn;
    this.details = details;
  }
}

let unauthorizedHandler: (() => void) | undefined;
/** Called (once per 401) after the token is cleared; the app uses it to go to the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

const BILINGUAL_SEPARATOR = '\u241e';

function toIssues(raw: unknown): Issue[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => {
      const path = Array.isArray(i.path) ? (i.path as (string | number)[]) : [];
      const message = typeof i.message === 'string' ? i.message : '';
      if (typeof i.messageEn === 'string') return { path, message, messageEn: i.messageEn };
      // Some endpoints send both languages in one message joined by U+241E (␞).
      const [zhText, enText] = message.split(BILINGUAL_SEPARATOR);
      return enText !== undefined ? { path, message: zhText ?? message, messageEn: enText } : { path, message };
    });
}

function errorFromBody(body: unknown, status: number): ApiError {
  const err = (body as { error?: { message?: unknown; data?: Record<string, unknown> } } | null)?.error;
  const data = err?.data ?? {};
  const code = (typeof data.code === 'string' ? data.code : CODE_BY_STATUS[status]) ?? 'INTERNAL_SERVER_ERROR';
  const httpStatus = typeof data.httpStatus === 'number' ? data.httpStatus : status;
  let message = typeof err?.message === 'string' ? err.message : `HTTP ${status}`;
  let issues = toIssues(data.issues);
  // tRPC's default zod error message is the JSON array of issues: use it when no `issues` came.
  if (issues.length === 0 && message.startsWith('[')) {
    try {
      issues = toIssues(JSON.parse(message));
      if (issues.length > 0) message = issues.map((i) => i.message).join('；');
    } catch {
      /* not JSON: keep the message */
    }
  }
  const messageEn = typeof data.messageEn === 'string' ? data.messageEn : undefined;
  const details = data.details && typeof data.details === 'object' ? (data.details as Record<string, unknown>) : {};
  return new ApiError(message, code, httpStatus, issues, messageEn, details);
}

/** Why a 401 ended the session: a disabled account says so on the login page; anything else is an expired sign-in. */
function reasonOf(body: unknown): 'expired' | 'disabled' {
  const details = (body as { error?: { data?: { details?: { reason?: unknown } } } } | null)?.error?.data?.details;
  return details?.reason === 'user_disabled' ? 'disabled' : 'expired';
}

async function send(url: string, init: RequestInit, authed: boolean): Promise<unknown> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const token = authed ? getToken() : null;
  if (token) headers.set('authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), 'NETWORK', 0);
  }
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (res.status === 401 && authed) {
    const hadToken = getToken() !== null;
    clearToken(reasonOf(body));
    if (hadToken) unauthorizedHandler?.();
  }
  if (!res.ok || (body !== null && typeof body === 'object' && 'error' in body)) {
    throw errorFromBody(body, res.status);
  }
  return body;
}

function unwrap<T>(body: unknown): T {
  return (body as { result?: { data?: T } } | null)?.result?.data as T;
}

export async function query<P extends QueryPath>(path: P, ...args: InputArgs<P>): Promise<OutputOf<P>> {
  const [input] = args;
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return unwrap<OutputOf<P>>(await send(`/trpc/${path}${qs}`, { method: 'GET' }, true));
}

export async function mutate<P extends MutationPath>(path: P, ...args: InputArgs<P>): Promise<OutputOf<P>> {
  const [input] = args;
  const init: RequestInit = { method: 'POST' };
  if (input !== undefined) init.body = JSON.stringify(input);
  return unwrap<OutputOf<P>>(await send(`/trpc/${path}`, init, true));
}

/**
 * A mutation whose input is a form with a file (multipart/form-data, no base64), e.g. the
 * hardship ledger import. XMLHttpRequest rather than fetch: it reports upload progress (0–1).
 */
export function upload<P extends MutationPath>(path: P, form: FormData, onProgress?: (fraction: number) => void): Promise<OutputOf<P>> {
  return postWithProgress<OutputOf<P>>(path, form, onProgress);
}

/** A JSON mutation with a large input (a workbook as base64) that reports its upload progress (0–1). */
export function mutateWithProgress<P extends MutationPath>(path: P, input: InputOf<P>, onProgress?: (fraction: number) => void): Promise<OutputOf<P>> {
  return postWithProgress<OutputOf<P>>(path, JSON.stringify(input), onProgress);
}

function postWithProgress<T>(path: string, body: FormData | string, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/trpc/${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (typeof body === 'string') xhr.setRequestHeader('content-type', 'application/json');
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError('网络错误', 'NETWORK', 0));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status === 401) {
        const hadToken = getToken() !== null;
        clearToken(reasonOf(parsed));
        if (hadToken) unauthorizedHandler?.();
      }
      if (xhr.status < 200 || xhr.status >= 300 || (parsed !== null && typeof parsed === 'object' && 'error' in parsed)) reject(errorFromBody(parsed, xhr.status));
      else resolve(unwrap<T>(parsed));
    };
    xhr.send(body);
  });
}

/** Plain JSON endpoints outside tRPC (`/dev/users`, `/auth/dev-login`). */
export async function getJson<T>(url: string): Promise<T> {
  return (await send(url, { method: 'GET' }, false)) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return (await send(url, { method: 'POST', body: JSON.stringify(body) }, false)) as T;
}

/** Field errors keyed by the issue path joined with '.', e.g. `chair.name`. */
export function issuesByField(err: unknown): Map<string, Issue> {
  const out = new Map<string, Issue>();
  if (err instanceof ApiError) {
    for (const issue of err.issues) {
      const key = issue.path.join('.');
      if (key && !out.has(key)) out.set(key, issue);
    }
  }
  return out;
}
