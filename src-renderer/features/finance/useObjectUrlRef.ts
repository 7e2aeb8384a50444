import { useCallback } from 'react';

/**
 * A ref callback that points an element (`src` of an iframe, `href` of a link) at a blob:
 * URL of `blob`, and revokes the URL when the element goes or the blob changes. The URL is
 * made where React attaches the element, not during render, so nothing leaks under
 * StrictMode's double render.
 */
export function useObjectUrlRef<T extends HTMLElement>(blob: Blob | null, attribute: 'src' | 'href') {
  return useCallback(
    (el: T | null) => {
      if (!el || !blob) return;
      const url = URL.createObjectURL(blob);
      el.setAttribute(attribute, url);
      return () => {
        el.removeAttribute(attribute);
        URL.revokeObjectURL(url);
      };
    },
    [blob, attribute],
  );
}
