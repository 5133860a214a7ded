import { createSignal } from 'solid-js';
/** A cursor page as every `*.list` procedure returns it. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Cursor-paged list state: first page on `reload()`, next pages appended on `loadMore()`. */
export function createPaged<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const [items, setItems] = createSignal<T[]>([]);
  const [nextCursor, setNextCursor] = createSignal<string | undefined>();
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let generation = 0;

  async function load(reset: boolean): Promise<void> {
    const gen = reset ? ++generation : generation;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(reset ? undefined : nextCursor());
      if (gen !== generation) return; // a newer reload superseded this response
      setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
      setNextCursor(page.nextCursor ?? undefined);
      setLoaded(true);
    } catch (e) {
      if (gen === generation) setError(e);
    } finally {
      if (gen === generation) setLoading(false);
    }
  }

  return {
    items,
    setItems,
    loading,
    loaded,
    error,
    hasMore: () => nextCursor() !== undefined,
    reload: () => load(true),
    loadMore: () => load(false),
  };
}
