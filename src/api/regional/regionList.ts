/**
 * Which of the regions Scalingo announces the bearer may be sent to: `https` always; plain `http`
 * only to a loopback address, and only when the auth service itself is on loopback (the demo and
 * the tests), the same rule as for `scalingo.authUrl`.
 */
import type { Region } from './schemas';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface RegionVerdict {
  readonly region: Region;
  /** undefined when usable; otherwise why the region is left out (for the log). */
  readonly refusal: string | undefined;
}

export function judgeRegions(regions: readonly Region[], authBaseUrl: string): RegionVerdict[] {
  const authIsLoopback = isLoopback(authBaseUrl);
  return regions.map((region) => ({ region, refusal: refusalOf(region.apiUrl, authIsLoopback) }));
}

function refusalOf(apiUrl: string, authIsLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return 'its API address is not a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && authIsLoopback) return undefined;
  return `its API address is not https (${url.protocol}//${url.host})`;
}

function isLoopback(base: string): boolean {
  try {
    const url = new URL(base);
    return url.protocol === 'http:' ? LOOPBACK_HOSTS.has(url.hostname) : url.protocol === 'https:' && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}
