import type { ReactNode } from 'react';

/** Used before the app knows whether someone is signed in. */
export function FullPageStatus({ children }: { children: ReactNode }) {
  return (
    <div className="full-page-status">
      <p className="brand brand--large" aria-hidden="true">
        <span className="brand__mark" />
        Pulsewise
      </p>
      {children}
    </div>
  );
}
