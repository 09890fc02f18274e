import { useEffect, useState } from 'react';

const CHANGE = 'spywatcher:navigate';

/** Moves to `to` without a reload (History API); the server answers deep links with the app. */
export const navigate = (to: string, options: { replace?: boolean } = {}): void => {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
};

const read = () => ({ pathname: window.location.pathname, search: window.location.search });

/** The current path, re-rendered on navigation and on the browser's back/forward. */
export const useLocation = (): { pathname: string; search: string } => {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
};
