/**
 * One spelling for a repository, so a link (`url` + `owner` + `repo`) and a tree row (its web URL)
 * compare equal: host and path lowercased, no trailing slash or `.git`, no port-less/port mismatch
 * beyond what the URL itself says.
 */
export function repositoryKey(webUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(webUrl);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/u, '').replace(/\.git$/iu, '');
  if (!path || path === '/') return undefined;
  return `${url.host}${path}`.toLowerCase();
}

/** The repository a link points at: `{url}/{owner}/{repo}`. */
export function linkRepositoryKey(link: { readonly hostUrl: string | undefined; readonly owner: string; readonly repo: string }): string | undefined {
  if (!link.hostUrl) return undefined;
  return repositoryKey(`${link.hostUrl.replace(/\/+$/u, '')}/${link.owner}/${link.repo}`);
}
