import { Link } from 'react-router-dom';
import { PageHeading } from './PageHeading';

export default function NotFoundPage() {
  return (
    <article className="page">
      <PageHeading title="Page not found">Page not found</PageHeading>
      <div className="card">
        <p>There is no page at this address. The link may be wrong or out of date.</p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </div>
    </article>
  );
}
