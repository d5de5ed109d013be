/**
 * The search routes' `query` parameter, once URL-decoded: words separated by spaces, each either a
 * keyword or a `qualifier:value` the route knows. Like GitHub, an unknown `name:value` is a keyword.
 */

export interface SearchQuery {
  /** Lower-cased and NFC-normalised, so `Café` typed either way matches `café`. */
  readonly keywords: readonly string[];
  /** The last value wins when a qualifier repeats. */
  readonly qualifiers: ReadonlyMap<string, string>;
}

export function parseSearchQuery(query: string | undefined, knownQualifiers: readonly string[]): SearchQuery {
  const keywords: string[] = [];
  const qualifiers = new Map<string, string>();
  for (const word of (query ?? '').split(/\s+/u).filter((term) => term.length > 0)) {
    const colon = word.indexOf(':');
    const name = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (knownQualifiers.includes(name)) qualifiers.set(name, word.slice(colon + 1));
    else keywords.push(normalized(word));
  }
  return { keywords, qualifiers };
}

/** True when every keyword occurs in at least one of the texts (no keyword matches everything). */
export function matchesEveryKeyword(keywords: readonly string[], texts: readonly (string | null)[]): boolean {
  const haystacks = texts.filter((text): text is string => text !== null).map(normalized);
  return keywords.every((keyword) => haystacks.some((haystack) => haystack.includes(keyword)));
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function normalized(text: string): string {
  return text.normalize('NFC').toLowerCase();
}
