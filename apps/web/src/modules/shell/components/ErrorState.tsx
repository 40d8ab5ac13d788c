import { toUserMessage } from '../../../lib/api-error';

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** The error state every query uses: what happened, in words, and a way to try again. */
export function ErrorState({ error, title = 'This couldn’t be loaded', onRetry }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p>{toUserMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
