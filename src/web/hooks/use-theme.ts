import { useCallback, useState } from 'react';

export type Theme = 'dark' | 'light';

const KEY = 'spywatcher-theme';

/** Dark by default (Discord users expect it); the choice is kept in this browser. */
export const useTheme = (): [Theme, () => void] => {
  const [theme, setTheme] = useState<Theme>(() =>
    document.documentElement.dataset.theme === 'light' ? 'light' : 'dark',
  );
  const toggle = useCallback(() => {
    setTheme((current) => {
      const next: Theme = current === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Private mode without storage: the theme lasts for this page only.
      }
      return next;
    });
  }, []);
  return [theme, toggle];
};
