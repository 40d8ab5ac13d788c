import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { buildOrgTree, expandedFor, type OrgTreeNode, type OrgUnitLike } from '../utils/org-tree';

interface OrgTreeNavProps<T extends OrgUnitLike> {
  units: readonly T[];
  selectedId: string | null;
  /** Link target for a unit (keeps the rest of the page's choices). */
  hrefFor: (unitId: string) => string;
  label: string;
}

/**
 * The organisation as a tree, in the API's tree order. The path to the selected unit starts
 * open; other branches open with their toggle button.
 */
export function OrgTreeNav<T extends OrgUnitLike>({ units, selectedId, hrefFor, label }: OrgTreeNavProps<T>) {
  const roots = useMemo(() => buildOrgTree(units), [units]);
  const initiallyOpen = useMemo(() => {
    const open = expandedFor(units, selectedId);
    for (const root of roots) open.add(root.unit.id);
    return open;
  }, [units, selectedId, roots]);
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  const isOpen = (id: string) => toggled.get(id) ?? initiallyOpen.has(id);
  const toggle = (id: string) => setToggled((prev) => new Map(prev).set(id, !isOpen(id)));

  const renderNode = (node: OrgTreeNode<T>) => {
    const { unit } = node;
    const open = isOpen(unit.id);
    const hasChildren = node.children.length > 0;
    const groupId = `org-tree-group-${unit.id}`;
    return (
      <li key={unit.id} className="org-tree__item">
        <div className="org-tree__row">
          {hasChildren ? (
            <button
              type="button"
              className="org-tree__toggle"
              aria-expanded={open}
              aria-controls={groupId}
              onClick={() => toggle(unit.id)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
              <span className="visually-hidden">
                {open ? 'Hide' : 'Show'} units in {unit.name}
              </span>
            </button>
          ) : (
            <span className="org-tree__spacer" aria-hidden="true" />
          )}
          <Link
            to={hrefFor(unit.id)}
            className="org-tree__link"
            aria-current={unit.id === selectedId ? 'page' : undefined}
          >
            {unit.name}
          </Link>
        </div>
        {hasChildren && open ? (
          <ul className="org-tree__list" id={groupId}>
            {node.children.map(renderNode)}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <nav className="org-tree" aria-label={label}>
      <ul className="org-tree__list org-tree__list--root">{roots.map(renderNode)}</ul>
    </nav>
  );
}
