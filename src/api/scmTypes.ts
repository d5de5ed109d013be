// The code-host platforms Scalingo knows. Kept apart from the zod schemas so the UI can name them
// without loading zod.

export type KnownScmType = 'github' | 'gitlab' | 'github-enterprise' | 'gitlab-self-hosted';
/** A future platform keeps its raw name, so the tree can still list it. */
export type ScmType = KnownScmType | (string & {});

/** Types the API can link from a token; github and gitlab (.com) link through OAuth in a browser. */
export type LinkableScmType = 'github-enterprise' | 'gitlab-self-hosted';
