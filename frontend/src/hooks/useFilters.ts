import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Filters kept in the URL (shareable); changing one resets the page cursor. */
export function useFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const name of names) out[name] = params.get(name) ?? '';
    return out;
  }, [params, names]);
  const cursor = params.get('cursor') ?? '';
  const setFilter = useCallback(
    (name: K, value: string) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('cursor');
        return next;
      });
    },
    [setParams],
  );
  const setCursor = useCallback(
    (value: string | null) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('cursor', value);
        else next.delete('cursor');
        return next;
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { values, cursor, setFilter, setCursor, clear };
}
