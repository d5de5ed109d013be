// Types and values the UI may import eagerly: they carry no undici or zod code at run time.
export { ScalingoError, isScalingoError } from './errors';
export type { ScalingoErrorKind } from './errors';
export type { PullRequestQuery, PullRequestState, RepositoryQuery } from './queries';
export type { Integration, Organization, PullRequest, Repository, SshKey, User } from './schemas';
export { KNOWN_SCM_TYPES, LINKABLE_SCM_TYPES, isKnownScmType } from './scmTypes';
export type { KnownScmType, LinkableScmType, ScmType } from './scmTypes';
