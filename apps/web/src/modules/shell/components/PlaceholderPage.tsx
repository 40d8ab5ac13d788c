import type { PageKey } from '../utils/navigation';
import { PLACEHOLDER_CONTENT } from '../utils/placeholder-content';
import { PageHeading } from './PageHeading';

/** A page that is not built yet, saying plainly what will be there. */
export default function PlaceholderPage({ page }: { page: PageKey }) {
  const content = PLACEHOLDER_CONTENT[page];
  return (
    <article className="page">
      <PageHeading title={content.title}>{content.title}</PageHeading>
      <section className="card card--notice" aria-labelledby={`${page}-coming`}>
        <p className="badge">Not built yet</p>
        <h2 id={`${page}-coming`} className="card__title">
          {content.summary}
        </h2>
        <p>When this page is ready, it will show:</p>
        <ul className="list">
          {content.willShow.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
