import { NavLink } from 'react-router-dom';
import type { Role } from '../../../gql/graphql';
import { navItemsFor } from '../utils/navigation';

export function MainNav({ roles }: { roles: readonly Role[] }) {
  const items = navItemsFor(roles);
  if (items.length === 0) return null;
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.key}>
            <NavLink to={item.path} className="main-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
