import { PageHeading } from './PageHeading';

/** Someone signed in whose roles have no pages yet. */
export function NothingForRolePage() {
  return (
    <article className="page">
      <PageHeading title="Welcome">Welcome to Pulsewise</PageHeading>
      <div className="card">
        <p>There are no pages for your role yet. Your organisation’s Pulsewise admin can tell you more.</p>
      </div>
    </article>
  );
}
