import { Link } from '@tanstack/react-router';
import { listSearchFor } from './list-return';

/** "<region> keys": back to the region's key list as it was last shown (filters, sort). */
export function KeyListLink({ region }: { region: string }) {
  return (
    <Link to="/regions/$region/keys" params={{ region }} search={listSearchFor(region)}>
      {region} keys
    </Link>
  );
}
