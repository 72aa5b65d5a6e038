// Walking a paginated list by `nextPageToken`.

export interface Page<T> {
  items: readonly T[];
  nextPageToken?: string | undefined;
}

/** Yields every item of every page; stops on an absent or empty token (or one the server repeats). */
export async function* paginate<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (;;) {
    const page = await fetchPage(pageToken);
    yield* page.items;
    const next = page.nextPageToken;
    // A repeated token would loop forever: treat it as the end.
    if (!next || seen.has(next)) return;
    seen.add(next);
    pageToken = next;
  }
}
