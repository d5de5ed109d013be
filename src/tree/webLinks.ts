import type { Integration } from '../api/publicTypes';
import { webUrl } from '../util/urls';
import { encodePath } from './namespaces';

/** A node a person can open in the browser or copy the address of. */
export interface HasWebUrl {
  readonly webUrl: string | undefined;
}

export function hasWebUrl(node: unknown): node is HasWebUrl {
  return typeof node === 'object' && node !== null && 'webUrl' in node;
}

/**
 * The web page of a user or organization/group, by its namespace path (`platform/backend` keeps its
 * slash). The API's organization `url` is an API address (api.github.com/orgs/…), so the page is
 * built from the integration's host instead.
 */
export function ownerPageUrl(integration: Integration, namespace: string): string | undefined {
  const base = integrationWebBase(integration);
  return base && `${base}/${encodePath(namespace)}`;
}

/** Where the integration's repositories live on the web, without a trailing slash. */
export function integrationWebBase(integration: Integration): string | undefined {
  if (integration.scmType === 'github') return 'https://github.com';
  if (integration.scmType === 'gitlab') return 'https://gitlab.com';
  return webUrl(integration.url)?.replace(/\/+$/u, '');
}
