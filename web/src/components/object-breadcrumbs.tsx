import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import { objectUrl, type ObjectPath } from '../api/object-paths';

/** The object path as links, from all connections down to the object itself. */
export function ObjectBreadcrumbs({ path }: { path: ObjectPath }) {
  const crumbs = [{ label: 'All connections', to: objectUrl([]) }, ...path.map((name, i) => ({ label: name, to: objectUrl(path.slice(0, i + 1)) }))];
  return (
    <nav aria-label="Object path">
      <Breadcrumbs separator="›" mb="sm" style={{ flexWrap: 'wrap' }}>
        {crumbs.map((crumb, i) =>
          i === crumbs.length - 1 ? (
            <span key={crumb.to} aria-current="page">
              {crumb.label}
            </span>
          ) : (
            <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
              {crumb.label}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
