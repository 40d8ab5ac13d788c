import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/**
 * Last-resort catch for rendering errors and for page code that failed to download (for example
 * after a new version was deployed). Offers a reload instead of a blank screen.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled error while rendering', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      this.state.error.message,
    );
    return (
      <div className="state state--error" role="alert">
        <p className="state__title">{chunkFailed ? 'This page couldn’t be loaded' : 'Something went wrong'}</p>
        <p>
          {chunkFailed
            ? 'Pulsewise may have been updated, or your connection dropped. Reloading usually fixes it.'
            : 'Something went wrong while showing this page. Reloading usually fixes it; if it keeps happening, contact support.'}
        </p>
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
