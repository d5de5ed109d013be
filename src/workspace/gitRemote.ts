/**
 * Reads a git remote URL as "which host, which owner/name": https, ssh (`ssh://`), and scp-like
 * (`git@host:owner/name.git`) forms, GitLab subgroups included. Plain Node: unit-tested as is.
 */
export interface RemoteRepository {
  /** Lower-case host without port for ssh (ssh ports differ from web ports), with port for http(s). */
  readonly host: string;
  /** `owner/name`, or `group/subgroup/name` on GitLab. */
  readonly fullName: string;
}

export function parseGitRemote(remote: string): RemoteRepository | undefined {
  const trimmed = remote.trim();
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/u.exec(trimmed);
  if (scpLike && !/^[a-z][a-z0-9+.-]*:\/\//iu.test(trimmed)) return build(scpLike[1]!, scpLike[2]!);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
  const host = url.protocol === 'ssh:' || url.protocol === 'git:' ? url.hostname : url.host;
  return build(host, decodeURIComponent(url.pathname));
}

function build(host: string, path: string): RemoteRepository | undefined {
  const fullName = path.replace(/^\/+/u, '').replace(/\/+$/u, '').replace(/\.git$/u, '');
  if (!/^[^/\s]+(\/[^/\s]+)+$/u.test(fullName)) return undefined;
  return { host: host.toLowerCase(), fullName };
}
