import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle';

/**
 * The page's <h1>. It is focusable (not tabbable) so the shell can move focus to it after
 * navigation and screen-reader users hear where they arrived.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  usePageTitle(title);
  return (
    <h1 className="page-heading" tabIndex={-1} data-page-heading>
      {children}
    </h1>
  );
}
