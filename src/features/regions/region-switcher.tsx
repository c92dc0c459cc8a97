import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useMatchRoute, useNavigate, useParams } from '@tanstack/react-router';
import { Check, ChevronDown, Globe2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import menu from '@/components/ui/menu.module.css';
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
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
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
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menu.content} align="start" sideOffset={6}>
          <DropdownMenu.Label className={menu.label}>Switch region</DropdownMenu.Label>
          {summary.isPending ? (
            <DropdownMenu.Item className={menu.item} disabled>
              Loading regions…
            </DropdownMenu.Item>
          ) : null}
          {summary.isError ? (
            <DropdownMenu.Item className={menu.item} disabled>
              Regions could not be loaded
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.RadioGroup value={currentRegion?.slug ?? current ?? ''}>
            {regions.map((r) => (
              <DropdownMenu.RadioItem
                key={r.identity}
                value={r.slug}
                className={menu.item}
                disabled={!r.kmsAvailable}
                onSelect={() => switchTo(r.slug)}
              >
                <span className={menu.itemText}>
                  {r.name} <span className="mono">({r.slug})</span>
                </span>
                <span className={menu.itemHint}>
                  {r.kmsAvailable ? `${r.totalKeys.toLocaleString('en')} keys` : 'KMS unavailable'}
                </span>
                <DropdownMenu.ItemIndicator>
                  <Check size={14} aria-hidden />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
