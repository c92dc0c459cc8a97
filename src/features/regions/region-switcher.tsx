import { useMatchRoute, useNavigate, useParams } from '@tanstack/react-router';
import { ChevronDown, Globe2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuTrigger,
} from '@/components/ui/dropdown-menu';
import { pluralize } from '@/lib/format';
import { useSummary } from './api/hooks';
import styles from './regions.module.css';

/**
 * Header region switcher. It keeps the current view: a key list opens the same list (search,
 * filters and sort) in the other region; the create-key page opens the other region's; a key
 * page opens the other region's key list (keys live in one region); from the overview it opens
 * the chosen region's keys.
 */
export function RegionSwitcher() {
  const summary = useSummary();
  const params = useParams({ strict: false });
  const matchRoute = useMatchRoute();
  const navigate = useNavigate();
  const current = params.region;
  const regions = summary.data?.featureEnabled ? summary.data.regions : [];
  const currentRegion = regions.find((r) => r.slug === current || r.identity === current);

  if (!current && regions.length === 0) return null;

  const switchTo = (region: string) => {
    if (region === current) return;
    if (matchRoute({ to: '/regions/$region/keys' })) {
      void navigate({ to: '/regions/$region/keys', params: { region }, search: (prev) => prev });
    } else if (matchRoute({ to: '/regions/$region/keys/new' })) {
      void navigate({ to: '/regions/$region/keys/new', params: { region }, search: {} });
    } else {
      void navigate({ to: '/regions/$region/keys', params: { region }, search: {} });
    }
  };

  const label = current ? (currentRegion?.name ?? current) : 'All regions';
  return (
    <Menu modal={false}>
      <MenuTrigger asChild>
        <Button
          variant="ghost"
          className={styles.switcherTrigger}
          aria-label={current ? `Region: ${current}. Switch region` : 'Choose a region'}
        >
          <Globe2 size={15} aria-hidden />
          <span className={styles.switcherLabel}>Region</span>
          <span className={`${styles.switcherValue} ${current ? 'mono' : ''}`}>
            {current ?? label}
          </span>
          <ChevronDown size={14} aria-hidden />
        </Button>
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>Switch region</MenuLabel>
        {summary.isPending ? <MenuItem disabled>Loading regions…</MenuItem> : null}
        {summary.isError ? <MenuItem disabled>Regions could not be loaded</MenuItem> : null}
        <MenuRadioGroup value={currentRegion?.slug ?? current ?? ''}>
          {regions.map((r) => (
            <MenuRadioItem
              key={r.identity}
              value={r.slug}
              disabled={!r.kmsAvailable}
              onSelect={() => switchTo(r.slug)}
              hint={r.kmsAvailable ? pluralize(r.totalKeys, 'key') : 'KMS unavailable'}
            >
              {r.name} <span className="mono">({r.slug})</span>
            </MenuRadioItem>
          ))}
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}
