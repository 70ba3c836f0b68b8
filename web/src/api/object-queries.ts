import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './api-client';
import type { ObjectPath } from './object-paths';

/** One object (GET /data/object, the JSON-array form: any name, "/" and "." included). */
export function useObject(path: ObjectPath) {
  return useQuery({
    queryKey: ['/data/object', path],
    queryFn: () => unwrap(api.GET('/data/object', { params: { query: { objectPath: JSON.stringify(path) } } })),
  });
}

/** After a change to objects: every object, children list and tree re-reads. */
export function useInvalidateObjects() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['/data/object'] }),
      client.invalidateQueries({ queryKey: ['/data/object/search'] }),
      client.invalidateQueries({ queryKey: ['/dataSource'] }),
      client.invalidateQueries({ queryKey: ['/data/tags'] }),
    ]);
}
