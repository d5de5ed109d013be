// The code-host platforms Scalingo knows. Kept apart from the zod schemas so the UI can import
// them at activation without loading zod.

export const KNOWN_SCM_TYPES = ['github', 'gitlab', 'github-enterprise', 'gitlab-self-hosted'] as const;
export type KnownScmType = (typeof KNOWN_SCM_TYPES)[number];
/** A future platform keeps its raw name, so the tree can still list it. */
export type ScmType = KnownScmType | (string & {});

/** Types the API can link from a token; github and gitlab (.com) link through OAuth in a browser. */
export const LINKABLE_SCM_TYPES = ['github-enterprise', 'gitlab-self-hosted'] as const;
export type LinkableScmType = (typeof LINKABLE_SCM_TYPES)[number];

export function isKnownScmType(type: string): type is KnownScmType {
  return (KNOWN_SCM_TYPES as readonly string[]).includes(type);
}
