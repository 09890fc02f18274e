import { type RefObject, useEffect, useRef, useState } from 'react';

/** The rendered width of an element, kept current as the layout changes. */
export const useWidth = <E extends HTMLElement>(
  fallback: number,
): [RefObject<E | null>, number] => {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
};
