import { Link } from '@tanstack/react-router';

/** The first breadcrumb of every page below the overview: back to the regions. */
export function RegionsCrumb() {
  return <Link to="/regions">Regions</Link>;
}
