import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetReleaseComments } from '../hooks/useGetReleaseComments';

/** Free-text comments of the selected unit, where enough people answered to keep them anonymous. */
export function CommentsPanel({ releaseId, orgUnitId }: { releaseId: string; orgUnitId: string }) {
  const comments = useGetReleaseComments(releaseId, orgUnitId);
  return (
    <section className="card panel" aria-labelledby="comments-title">
      <h2 id="comments-title" className="card__title">
        Comments
      </h2>
      {comments.isPending ? (
        <LoadingState label="Loading comments…" />
      ) : comments.isError ? (
        <ErrorState error={comments.error} title="Comments couldn’t be loaded" onRetry={() => void comments.refetch()} />
      ) : !comments.data.available ? (
        <p className="muted">
          {comments.data.unavailableReason ??
            `Comments are shown only for groups with at least ${comments.data.threshold} respondents.`}
        </p>
      ) : comments.data.comments.length === 0 ? (
        <p className="muted">Nobody left a comment in this period.</p>
      ) : (
        <>
          <p className="muted">
            Shown in a random order, never by person or time, and never split by location or tenure.
          </p>
          <ul className="comments">
            {comments.data.comments.map((comment, index) => (
              <li key={index} className="comments__item">
                <p className="comments__text">{comment.text}</p>
                <p className="comments__meta">{comment.roundLabel}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
