import { useSearchParams } from 'react-router-dom';

/**
 * The page's state kept in the address (so a view can be shared and Back undoes a change), with a
 * setter that changes some values and keeps the rest (an empty value removes its key), and one
 * that replaces them all.
 */
export function useAddress(): [URLSearchParams, (next: Record<string, string | undefined>) => void, ReturnType<typeof useSearchParams>[1]] {
  const [params, setParams] = useSearchParams();
  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };
  return [params, set, setParams];
}
