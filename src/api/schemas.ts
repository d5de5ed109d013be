/**
 * zod schemas for every body the API sends. They describe what the client needs, tolerate what it
 * does not (unknown fields are stripped, read fields may be null or missing, new `scm_type` values
 * pass through), and drop the integrations' `access_token` at parse time: it never leaves this file.
 */
import * as z from 'zod';
import type { ScmType } from './scmTypes';

/** Optional text the API may send as a string, null or nothing; normalised to `string | undefined`. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const owner = z.object({
  id: optionalText,
  email: optionalText,
  username: optionalText,
});

export const integrationSchema = z
  .object({
    id: z.string().min(1),
    scm_type: z.string().min(1),
    url: z.string(),
    created_at: optionalText,
    uid: optionalText,
    username: optionalText,
    avatar_url: optionalText,
    email: optionalText,
    profile_url: optionalText,
    owner: owner.nullish().transform((value) => value ?? undefined),
    // `access_token` is deliberately absent: z.object strips unknown keys, so the parsed value
    // cannot carry the code host's token anywhere (tree, logs, errors).
  })
  .transform((raw) => ({
    id: raw.id,
    scmType: raw.scm_type as ScmType,
    url: raw.url,
    createdAt: raw.created_at,
    uid: raw.uid,
    username: raw.username,
    avatarUrl: raw.avatar_url,
    email: raw.email,
    profileUrl: raw.profile_url,
    owner: raw.owner,
  }));
export type Integration = z.output<typeof integrationSchema>;

/**
 * An item of the integration list that the schema refused: what identifies it, if anything, and
 * which fields are wrong. Built from the raw item field by field, so the access token never comes along.
 */
export interface UnreadableIntegration {
  readonly index: number;
  readonly id: string | undefined;
  readonly scmType: string | undefined;
  /** The fields that are missing or of the wrong type (`url`, `id`…). */
  readonly fields: readonly string[];
}

export type IntegrationEntry = { readonly ok: true; readonly integration: Integration } | { readonly ok: false; readonly unreadable: UnreadableIntegration };

/** Each item on its own: one damaged integration must not hide the others. */
export function readIntegrationEntries(items: readonly unknown[]): IntegrationEntry[] {
  return items.map((item, index) => {
    const parsed = integrationSchema.safeParse(item);
    if (parsed.success) return { ok: true, integration: parsed.data };
    const raw = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '(item)')))];
    return { ok: false, unreadable: { index, id: text(raw['id']), scmType: text(raw['scm_type']), fields } };
  });
}

export const organizationSchema = z.object({
  id: z.number(),
  login: z.string(),
  avatarUrl: optionalText,
  /** An API URL (api.github.com/orgs/…), not a page a person can open. */
  url: optionalText,
  description: optionalText,
});
export type Organization = z.output<typeof organizationSchema>;

export const repositorySchema = z.object({
  id: z.number(),
  name: z.string(),
  fullName: z.string(),
  url: optionalText,
  description: optionalText,
});
export type Repository = z.output<typeof repositorySchema>;

export const pullRequestSchema = z
  .object({
    title: z.string(),
    number: z.number(),
    html_url: optionalText,
    id: z.union([z.number(), z.string()]).nullish(),
    source_repo_name: optionalText,
    source_repo_html_url: optionalText,
  })
  .transform((raw) => ({
    title: raw.title,
    number: raw.number,
    htmlUrl: raw.html_url,
    sourceRepoName: raw.source_repo_name,
    sourceRepoHtmlUrl: raw.source_repo_html_url,
  }));
export type PullRequest = z.output<typeof pullRequestSchema>;

export const sshKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    fingerprint: optionalText,
    created_at: optionalText,
    // `content` (the public key) is not needed by the UI; it is public, but large and noisy.
  })
  .transform((raw) => ({ id: raw.id, name: raw.name, fingerprint: raw.fingerprint, createdAt: raw.created_at }));
export type SshKey = z.output<typeof sshKeySchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: optionalText,
});
export type User = z.output<typeof userSchema>;

const paginationSchema = z
  .object({
    meta: z
      .object({
        pagination: z
          .object({
            current_page: z.number().nullish(),
            next_page: z.number().nullish(),
            total_pages: z.number().nullish(),
            total_count: z.number().nullish(),
          })
          .nullish(),
      })
      .nullish(),
  })
  .transform((raw) => {
    const pagination = raw.meta?.pagination;
    return {
      /** False when the answer has no `meta.pagination`: a full page may then be a cut list. */
      paginated: pagination !== undefined && pagination !== null,
      nextPage: pagination?.next_page ?? undefined,
      totalCount: pagination?.total_count ?? undefined,
    };
  });

export const bodies = {
  exchange: z.object({ token: z.string().min(1) }),
  /** Items are read one by one (readIntegrationEntries). */
  integrationList: z.object({ scm_integrations: z.array(z.unknown()) }),
  integration: z.object({ scm_integration: integrationSchema }),
  organizations: z.object({ organizations: z.array(organizationSchema) }).and(paginationSchema),
  repositories: z.object({ repositories: z.array(repositorySchema) }).and(paginationSchema),
  pullRequests: z.object({ pull_requests: z.array(pullRequestSchema) }),
  keys: z.object({ keys: z.array(sshKeySchema) }),
  user: z.object({ user: userSchema }),
  /** The shapes of error bodies; anything else (plain text, HTML) is read as text. */
  error: z.object({ error: z.string().optional(), errors: z.record(z.string(), z.array(z.string())).optional() }),
};
