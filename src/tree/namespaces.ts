import type { Organization } from '../api/publicTypes';

/**
 * An organization's namespace: the path that `user:` searches and web links use. GitHub's display
 * name (`login`) may differ from it ("Another Organization" at `…/orgs/another-org`), so the API URL
 * names it when it can: GitHub's `/orgs/<path>`, GitLab's `/groups/<full path>` (web) or
 * `/api/v4/groups/<url-encoded full path>`. GitLab's `/api/v4/groups/<number>` names no path: then
 * the login, which for GitLab is the group's full path (`platform/backend`).
 */
export function organizationNamespace(organization: Organization): string {
  return pathInUrl(organization.url) ?? organization.login.trim();
}

const PATH_PATTERNS = [/\/orgs\/([^/]+)\/?$/u, /\/api\/v4\/groups\/([^/]+)\/?$/u, /\/groups\/(.+?)\/?$/u];

function pathInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  for (const pattern of PATH_PATTERNS) {
    const found = pattern.exec(pathname)?.[1];
    if (!found) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(found);
    } catch {
      continue;
    }
    if (/^\d+$/u.test(decoded)) return undefined; // a group's number, not its path
    return decoded;
  }
  return undefined;
}

export type NamespaceProblem = 'empty' | 'spaces';

/** Why a namespace cannot be searched or linked to, or undefined when it can. */
export function namespaceProblem(namespace: string): NamespaceProblem | undefined {
  if (namespace.replace(/\//gu, '').trim() === '') return 'empty';
  if (/\s/u.test(namespace)) return 'spaces';
  return undefined;
}

/** `platform/backend/orders-api` → `platform/backend`: the namespace a repository lives in. */
export function namespaceOfRepository(fullName: string): string {
  const slash = fullName.lastIndexOf('/');
  return slash > 0 ? fullName.slice(0, slash) : fullName;
}

/** Each segment escaped, the slashes between them kept: `platform/backend`, never `platform%2Fbackend`. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map(encodeURIComponent)
    .join('/');
}
