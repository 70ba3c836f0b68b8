import { useQueries, type QueryKey } from '@tanstack/react-query';
import type { VirtualItem } from '@tanstack/react-virtual';

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
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: [...baseKey, { page, pageSize }],
      queryFn: () => fetchPage(page * pageSize, pageSize),
      staleTime: 30_000,
    })),
  });
  const byPage = new Map(pages.map((page, i) => [page, results[i]!]));
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
