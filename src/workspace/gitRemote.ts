/**
 * Reads a git remote URL as "which host, which owner/name": https, ssh (`ssh://`), and scp-like
 * (`git@host:owner/name.git`) forms, GitLab subgroups included. Plain Node: unit-tested as is.
 */
export interface RemoteRepository {
  /** Lower-case host without port for ssh (ssh ports differ from web ports), with port for http(s). */
  readonly host: string;
  /**
   * The whole path: `owner/name`, `group/subgroup/name` on GitLab, and for an https remote of a host
   * installed under a path, that path first (`gitlab/team/app`): see remoteMatch.ts.
   */
  readonly fullName: string;
  /** `web` for http(s) remotes, whose path includes the installation's path; `ssh` for ssh, scp-like and git://. */
  readonly kind: 'web' | 'ssh';
}

export function parseGitRemote(remote: string): RemoteRepository | undefined {
  const trimmed = remote.trim();
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/u.exec(trimmed);
  if (scpLike && !/^[a-z][a-z0-9+.-]*:\/\//iu.test(trimmed)) return build(scpLike[1]!, scpLike[2]!, 'ssh');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
  const ssh = url.protocol === 'ssh:' || url.protocol === 'git:';
  return build(ssh ? url.hostname : url.host, decodeURIComponent(url.pathname), ssh ? 'ssh' : 'web');
}

function build(host: string, path: string, kind: RemoteRepository['kind']): RemoteRepository | undefined {
  const fullName = path.replace(/^\/+/u, '').replace(/\/+$/u, '').replace(/\.git$/u, '');
  if (!/^[^/\s]+(\/[^/\s]+)+$/u.test(fullName)) return undefined;
  return { host: host.toLowerCase(), fullName, kind };
}
