import { useCallback, useRef, useState } from 'react';
import type { AppErrorBody } from '@yanzhen/domain';
import { showcaseFeed, type FeedQuery, type ShowcaseCard } from '../../services/showcase';

export const FEED_PAGE_SIZE = 10;

export interface FeedState {
  items: ShowcaseCard[];
  /** First page on its way (skeletons). */
  loading: boolean;
  /** A further page on its way (line at the bottom). */
  loadingMore: boolean;
  hasMore: boolean;
  nextPage: number | null;
  error: AppErrorBody | null;
}

const INITIAL: FeedState = { items: [], loading: true, loadingMore: false, hasMore: false, nextPage: null, error: null };

/**
 * The paged feed for one set of filters. `restart` loads page 1 (new filters, pull-to-refresh); `more` appends
 * the next page (infinite scroll). An answer for filters that are no longer current is dropped.
 */
export function useFeed() {
  const [state, setState] = useState<FeedState>(INITIAL);
  const ticket = useRef(0);
  const filters = useRef<FeedQuery>({});
  const stateRef = useRef(state);
  stateRef.current = state;

  /** `quiet`: pull-to-refresh, where the native spinner shows progress and the list stays until the answer. */
  const restart = useCallback(async (next: FeedQuery, quiet = false) => {
    const mine = ++ticket.current;
    filters.current = next;
    if (!quiet) setState((s) => ({ ...s, loading: true, loadingMore: false, error: null }));
    const res = await showcaseFeed({ ...next, page: 1, pageSize: FEED_PAGE_SIZE });
    if (mine !== ticket.current) return;
    setState(
      res.ok
        ? { items: res.data.items, loading: false, loadingMore: false, hasMore: res.data.hasMore, nextPage: res.data.nextPage, error: null }
        : { ...INITIAL, loading: false, error: res.error },
    );
  }, []);

  const more = useCallback(async () => {
    const s = stateRef.current;
    if (s.loading || s.loadingMore || !s.hasMore || !s.nextPage) return;
    const mine = ticket.current;
    setState((prev) => ({ ...prev, loadingMore: true }));
    const res = await showcaseFeed({ ...filters.current, page: s.nextPage, pageSize: FEED_PAGE_SIZE });
    if (mine !== ticket.current) return;
    setState((prev) =>
      res.ok
        ? {
            ...prev,
            // A card already shown (the list shifted between pages) is not shown twice.
            items: [...prev.items, ...res.data.items.filter((c) => !prev.items.some((p) => p._id === c._id))],
            loadingMore: false,
            hasMore: res.data.hasMore,
            nextPage: res.data.nextPage,
          }
        : { ...prev, loadingMore: false, error: res.error },
    );
  }, []);

  return { state, restart, more };
}
