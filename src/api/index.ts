// The API module's surface. Loaded on first use (see src/auth/apiLoader.ts), not at activation:
// undici and zod cost tens of milliseconds to evaluate.
export { ScalingoClient } from './client';
export type { ApiLog, LinkRequest, PageRequest, RateLimitWait, RepositoryPage, ScalingoClientOptions } from './client';
export { createDispatcher } from './dispatcher';
export type { NetworkSettings } from './dispatcher';
export { RequestLimiter, SCALINGO_RATE_LIMIT } from './requestLimiter';
export type { RateLimit } from './requestLimiter';
export { followDeployment } from './regional/followDeployment';
export type { RegionalClient, NewRepoLink, RepoLinkSettings } from './regional/regionalClient';
export type { Deployment, LinkedPull, Region, RepoLink, ReviewApp, ScalingoApp } from './regional/schemas';
