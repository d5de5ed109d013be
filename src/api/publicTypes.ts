// Types the UI may import: erased at build time, so they load neither undici nor zod.
export type { ScalingoErrorKind } from './errors';
export type { PullRequestQuery, PullRequestState, RepositoryQuery } from './queries';
export type { Integration, IntegrationEntry, Organization, PullRequest, Repository, SshKey, UnreadableIntegration, User } from './schemas';
export type { KnownScmType, LinkableScmType, ScmType } from './scmTypes';
export type { RegionalClient, NewRepoLink, RepoLinkSettings } from './regional/regionalClient';
export type { Deployment, LinkedPull, Region, RepoLink, ReviewApp, ScalingoApp } from './regional/schemas';
