import { useQueries, type QueryKey } from '@tanstack/react-query';
import type { VirtualItem } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

export interface Page<T> {
  count: number;
  hits: T[];
}

/**
 * Rows of a server-paged list, fetched page by page as the virtualiser shows them: a scroll to
 * row 90,000 asks for that page only, never the 89,999 rows above it. Page 0 is always read, for
 * the total count.
 */
export function usePagedRows<T>(
  baseKey: QueryKey,
  pageSize: number,
  visible: readonly VirtualItem[],
  fetchPage: (offset: number, size: number) => Promise<Page<T>>,
) {
  const pages = [...new Set([0, ...visible.map((item) => Math.floor(item.index / pageSize))])];
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const pagesKey = pages.join(',');
  const baseHash = JSON.stringify(baseKey);
  // The same options object while the pages shown are the same: a new array each render makes
  // useQueries set its observers' options again after every render, and render again.
  const queries = useMemo(
    () =>
      pagesKey.split(',').map((text) => {
        const page = Number(text);
        return { queryKey: [...baseKey, { page, pageSize }], queryFn: () => fetchRef.current(page * pageSize, pageSize), staleTime: 30_000 };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- baseKey by value (baseHash)
    [baseHash, pagesKey, pageSize],
  );
  const results = useQueries({ queries });
  const byPage = new Map(queries.map((query, i) => [(query.queryKey.at(-1) as { page: number }).page, results[i]!]));
  const first = byPage.get(0)!;
  return {
    count: first.data?.count,
    error: results.find((r) => r.error)?.error ?? null,
    isPending: first.isPending,
    /** The row at `index`, or undefined while its page loads. */
    row(index: number): T | undefined {
      return byPage.get(Math.floor(index / pageSize))?.data?.hits[index % pageSize];
    },
  };
}
