import { Link } from 'react-router-dom';
import { PageHeading } from './PageHeading';

export function NoAccessPage() {
  return (
    <article className="page">
      <PageHeading title="No access">You don’t have access to this page</PageHeading>
      <div className="card">
        <p>
          Your role in this organisation doesn’t include this page. If you think it should, ask your
          organisation’s Pulsewise admin.
        </p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </div>
    </article>
  );
}
