import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * On a phone the tab bar scrolls sideways (styles.css); after each navigation
 * bring the current tab into view, so people see where they are.
 */
export function useCurrentTabInView(ready: boolean) {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!ready) return;
    const current = document.querySelector<HTMLElement>('.tabs a[aria-current="page"]');
    const bar = current?.closest('ul');
    if (!current || !bar || bar.scrollWidth <= bar.clientWidth) return;
    bar.scrollLeft = Math.max(0, current.offsetLeft - (bar.clientWidth - current.offsetWidth) / 2);
  }, [pathname, ready]);
}
