import { Link } from '@tanstack/react-router';
import { AlertTriangle } from 'lucide-react';
import { Notice } from '@/components/ui/notice';
import { useKeyList } from '@/features/keys';
import { useApiClient } from '@/lib/api-context';
import { useDebouncedValue } from '../components/use-debounced-value';

/** Warns while typing when a key with the same slug already exists in this region and scope. */
export function DuplicateWarning({ region, slug }: { region: string; slug: string }) {
  const client = useApiClient();
  const settled = useDebouncedValue(slug, 300);
  const { data } = useKeyList(region, { slug: settled }, { isEnabled: settled !== '' });
  const existing = settled === slug ? data?.find((k) => k.slug === slug) : undefined;
  if (!existing) return null;
  return (
    <Notice tone="warning" icon={<AlertTriangle size={16} aria-hidden />}>
      <strong>A key with the slug “{existing.slug}” already exists</strong> in {region} (
      {client.project ? `project ${client.project}` : 'organisation scope'}):{' '}
      <Link to="/regions/$region/keys/$keyId" params={{ region, keyId: existing.identity }}>
        {existing.name}
      </Link>
      . Slugs are unique per region and scope, so creating this key would fail. Choose another name.
    </Notice>
  );
}
