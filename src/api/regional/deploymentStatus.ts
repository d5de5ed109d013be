/**
 * Deployment statuses as go-scalingo names them. Finished: `success`, `aborted` and every
 * `*-error`; any other value (a new one included) is read as still in progress.
 */
export const KNOWN_DEPLOYMENT_STATUSES = [
  'queued',
  'building',
  'pushing',
  'starting',
  'success',
  'aborted',
  'build-error',
  'crashed-error',
  'timeout-error',
  'hook-error',
] as const;

export function isFinished(status: string): boolean {
  return status === 'success' || status === 'aborted' || status.endsWith('-error');
}

export function isSuccess(status: string): boolean {
  return status === 'success';
}
