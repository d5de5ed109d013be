/**
 * Reads an HTTP answer: a 2xx body through its zod schema, anything else into the error family.
 * The user-facing wording lives here once; the UI translates by `kind` and keeps these as the
 * English fallback and the log's text.
 */
import type * as z from 'zod';
import { ScalingoError, type ScalingoErrorDetails } from './errors';
import { bodies } from './schemas';
import type { HttpResponse } from './transport';

/** Parses a successful body; anything unreadable becomes `invalidResponse`, never a crash later. */
export function parseBody<Schema extends z.ZodType>(
  response: HttpResponse,
  schema: Schema,
  route: string,
): z.output<Schema> {
  const details = detailsOf(response, route);
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    // Describe, never quote, a successful body: it can hold the code hosts' access tokens.
    throw new ScalingoError('invalidResponse', describeNonJson(response), {
      ...details,
      serverMessage: `${response.contentType || 'no content type'}, ${Buffer.byteLength(response.text)} bytes`,
      ...(isWebPage(response) ? { webPage: true } : {}),
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ScalingoError('invalidResponse', 'Scalingo sent a response this extension does not understand.', {
      ...details,
      serverMessage: where,
    });
  }
  return parsed.data;
}

export function errorFromResponse(response: HttpResponse, route: string): ScalingoError {
  const { message: serverMessage, fieldErrors } = readErrorBody(response);
  const details = { ...detailsOf(response, route), serverMessage: serverMessage ?? excerpt(response.text) };
  const status = response.status;
  switch (true) {
    case status === 400:
      return new ScalingoError('badRequest', withReason('Scalingo refused the request', serverMessage), details);
    case status === 401 && /otp/iu.test(serverMessage ?? ''):
      return new ScalingoError(
        'otpRequired',
        'This Scalingo account uses two-factor authentication and the request needs a one-time password.',
        details,
      );
    case status === 401:
      return new ScalingoError('unauthorized', 'Scalingo refused the credentials.', details);
    case status === 402:
      return new ScalingoError(
        'paymentRequired',
        'Your Scalingo account needs attention (suspended, or the free trial has ended).',
        details,
      );
    case status === 403:
      return new ScalingoError('forbidden', withReason('Scalingo does not allow this', serverMessage), details);
    case status === 404:
      return new ScalingoError('notFound', 'Not found on Scalingo: it may have been unlinked or deleted.', details);
    case status === 407:
      // A plain-http proxy answers 407 itself; through a CONNECT tunnel, the transport sees it.
      return new ScalingoError('proxyAuthenticationRequired', 'The proxy asks for credentials (HTTP 407).', details);
    case status === 422:
      return new ScalingoError('validation', describeFieldErrors(fieldErrors, serverMessage), details, fieldErrors);
    case status === 429:
      return new ScalingoError(
        'rateLimited',
        'Scalingo is rate limiting requests (60 a minute). Try again in a minute.',
        response.retryAfterMs === undefined ? details : { ...details, retryAfterMs: response.retryAfterMs },
      );
    case status >= 500:
      return new ScalingoError(
        'server',
        `Scalingo had a problem (HTTP ${status}); the code host behind it may be unreachable. Try again later.`,
        details,
      );
    default:
      return new ScalingoError('invalidResponse', `Scalingo answered with an unexpected HTTP ${status}.`, details);
  }
}

function detailsOf(response: HttpResponse, route: string): ScalingoErrorDetails {
  return { route, status: response.status, requestId: response.requestId, durationMs: response.durationMs };
}

function readErrorBody(response: HttpResponse): { message?: string; fieldErrors: Record<string, string[]> } {
  try {
    const parsed = bodies.error.safeParse(JSON.parse(response.text));
    if (parsed.success) return { message: parsed.data.error, fieldErrors: parsed.data.errors ?? {} };
  } catch {
    // Plain text (429 "Retry later") or an HTML page from a proxy: no structured message.
  }
  return { fieldErrors: {} };
}

function describeFieldErrors(fieldErrors: Record<string, string[]>, fallback: string | undefined): string {
  const lines = Object.entries(fieldErrors).map(([field, messages]) => `${field.replace(/_/gu, ' ')} ${messages.join(', ')}`);
  if (lines.length > 0) return `Scalingo could not accept this: ${lines.join('; ')}.`;
  return withReason('Scalingo could not accept this', fallback);
}

function isWebPage(response: HttpResponse): boolean {
  return /html/iu.test(response.contentType) || /^\s*</u.test(response.text);
}

function describeNonJson(response: HttpResponse): string {
  if (isWebPage(response)) {
    return 'Scalingo answered with a web page instead of data; a proxy or gateway may be in the way.';
  }
  if (response.text.trim() === '') return 'Scalingo sent an empty response.';
  return 'Scalingo sent a response that is not valid JSON (it may have been cut off).';
}

function withReason(message: string, reason: string | undefined): string {
  return reason ? `${message}: ${reason}.` : `${message}.`;
}

/** A log-sized excerpt of a body, whitespace folded. */
function excerpt(text: string): string | undefined {
  const folded = text.replace(/\s+/gu, ' ').trim();
  if (!folded) return undefined;
  return folded.length > 200 ? `${folded.slice(0, 200)}…` : folded;
}
