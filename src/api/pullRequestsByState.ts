import type { ScalingoClient } from './client';
import type { PullRequestQuery } from './queries';
import type { PullRequest } from './schemas';

export interface StatedPullRequest extends PullRequest {
  readonly state: 'open' | 'closed';
}

/**
 * Pull/merge requests with their state. The search route does not say which are open: for `all`
 * it sends one search per state (two requests, at once), open ones first, so a list never mixes
 * them unlabelled; for `open` or `closed`, the one search. Newest first within each state.
 */
export async function searchPullRequestsByState(
  client: Pick<ScalingoClient, 'searchPullRequests'>,
  integrationId: string,
  query: PullRequestQuery,
  signal?: AbortSignal,
): Promise<StatedPullRequest[]> {
  const states = query.state === 'all' ? (['open', 'closed'] as const) : ([query.state ?? 'open'] as const);
  const lists = await Promise.all(
    states.map(async (state) => {
      const found = await client.searchPullRequests(integrationId, { ...query, state }, signal);
      return found.sort((a, b) => b.number - a.number).map((pullRequest) => ({ ...pullRequest, state }));
    }),
  );
  return lists.flat();
}
