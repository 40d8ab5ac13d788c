import { useEffect } from 'react';

/** Sets the tab title so people (and screen readers) know which page they are on. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Pulsewise` : 'Pulsewise';
  }, [title]);
}
