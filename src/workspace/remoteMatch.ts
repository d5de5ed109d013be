import type { RemoteRepository } from './gitRemote';

/** A code host a remote may belong to: its web address, path included (`https://code.example.org/gitlab`). */
export interface RemoteCandidate<T> {
  readonly value: T;
  readonly webBase: string;
}

export interface MatchedRemote<T> {
  readonly value: T;
  /** The repository's path on that host, without the installation's path: `team/app`. */
  readonly fullName: string;
}

/**
 * The code host a git remote belongs to, and the repository it names. Hosts are compared without
 * ports (an ssh port is not the web port of the same server). A host installed under a path
 * (`/gitlab`) puts that path in its https remotes, which must then start with it; its ssh remotes
 * usually do not (GitLab's ssh addresses never do), so there the path is dropped only when present.
 * When several candidates fit (two installations on one server), the longest installation path wins.
 */
export function matchRemote<T>(remote: RemoteRepository, candidates: readonly RemoteCandidate<T>[]): MatchedRemote<T> | undefined {
  const remoteHost = remote.host.split(':')[0];
  const segments = remote.fullName.split('/');
  let best: { match: MatchedRemote<T>; prefixLength: number } | undefined;
  for (const candidate of candidates) {
    let base: URL;
    try {
      base = new URL(candidate.webBase);
    } catch {
      continue;
    }
    if (base.hostname.toLowerCase() !== remoteHost) continue;
    const prefix = base.pathname.split('/').filter((segment) => segment.length > 0);
    const startsWithPrefix = prefix.every((segment, index) => segments[index]?.toLowerCase() === segment.toLowerCase());
    let rest: string[];
    if (prefix.length > 0 && startsWithPrefix) rest = segments.slice(prefix.length);
    else if (prefix.length === 0 || remote.kind === 'ssh') rest = segments;
    else continue;
    if (rest.length < 2) continue;
    const prefixLength = startsWithPrefix ? prefix.length : 0;
    if (!best || prefixLength > best.prefixLength) {
      best = { match: { value: candidate.value, fullName: rest.join('/') }, prefixLength };
    }
  }
  return best?.match;
}
