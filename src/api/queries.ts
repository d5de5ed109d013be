/**
 * Builders for the `query` parameter of the search routes: keywords and `qualifier:value` pairs
 * separated by spaces (the API documents `+`, which is how a space travels in a query string).
 * Encoding is the transport's job; these return the decoded text the server will read.
 */

export interface RepositoryQuery {
  /** Free text typed by the user; several words are several keywords. */
  readonly keywords?: string;
  readonly includeForks?: boolean;
  /** Restrict to one user's or organization's namespace. */
  readonly user?: string;
}

export type PullRequestState = 'open' | 'closed' | 'all';

export interface PullRequestQuery {
  readonly keywords?: string;
  /** `all` sends no `is:` qualifier. */
  readonly state?: PullRequestState;
  /** `owner/name` */
  readonly repo?: string;
}

export function repositorySearchQuery(query: RepositoryQuery): string {
  return joinTerms([
    ...keywordTerms(query.keywords),
    query.includeForks ? 'fork:true' : undefined,
    qualifier('user', query.user),
  ]);
}

export function pullRequestSearchQuery(query: PullRequestQuery): string {
  const state = query.state ?? 'open';
  return joinTerms([
    ...keywordTerms(query.keywords),
    state === 'all' ? undefined : `is:${state}`,
    qualifier('repo', query.repo),
  ]);
}

function keywordTerms(keywords: string | undefined): string[] {
  return (keywords ?? '').split(/\s+/u).filter((word) => word.length > 0);
}

/** A qualifier value cannot contain a space: it would end the qualifier and start a keyword. */
function qualifier(name: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/\s/u.test(trimmed)) throw new RangeError(`A ${name}: qualifier cannot contain spaces.`);
  return `${name}:${trimmed}`;
}

function joinTerms(terms: readonly (string | undefined)[]): string {
  return terms.filter((term): term is string => term !== undefined).join(' ');
}
