import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { AppErrorBody, Envelope } from '@yanzhen/domain';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: AppErrorBody };

/**
 * Loads one envelope for a page: loading state first, then data or a readable error; `reload` is the retry
 * button, and the page's pull-to-refresh reloads too. A stale answer (an earlier load that finishes after a
 * newer one started) is dropped.
 */
export function useCloudQuery<T>(load: () => Promise<Envelope<T>>): { state: QueryState<T>; reload: () => Promise<void> } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    const envelope = await loadRef.current();
    if (ticket !== latest.current) return;
    setState(envelope.ok ? { status: 'ready', data: envelope.data } : { status: 'failed', error: envelope.error });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { state, reload };
}

/**
 * useCloudQuery for a part of a page whose query follows a choice (the contest, the round, a filter): loads again
 * when one of `keys` changes. The first load is useCloudQuery's own, so a choice made before it is not loaded twice.
 */
export function useCloudQueryFor<T>(load: () => Promise<Envelope<T>>, keys: readonly unknown[]): { state: QueryState<T>; reload: () => Promise<void> } {
  const query = useCloudQuery(load);
  const { reload } = query;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
    // The keys are the caller's dependency list; reload is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);
  return query;
}
