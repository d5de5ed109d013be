/** A URL from an API response, kept only when a browser may open it: http or https, nothing else. */
export function webUrl(candidate: string | undefined | null): string | undefined {
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A host as people write it (`github.com`, `ghe.example.com:8443`); the raw text when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
