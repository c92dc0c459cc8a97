import { Link } from '@tanstack/react-router';
import { ArrowRight } from 'lucide-react';
import { describeError } from '@/components/errors/describe-error';
import { scopeLabel } from './palette-search';
import { useFindElsewhere } from './use-find-elsewhere';
import styles from './find-elsewhere.module.css';

/**
 * On the key-not-found page: the same identity or slug looked up in the other regions and
 * scopes this session knows, with a link to each place it was found.
 */
export function FindElsewhere({ region, keyId }: { region: string; keyId: string }) {
  const { found, failed, checked, total, isSearching, scopes } = useFindElsewhere(region, keyId);
  return (
    <div className={styles.box} role="status" aria-live="polite">
      {found.length ? (
        <ul className={styles.found}>
          {found.map((place) => (
            <li key={place.id}>
              <Link
                to="/regions/$region/keys/$keyId"
                params={{ region: place.region, keyId: place.key.identity }}
                search={{ project: place.project }}
                className={styles.link}
              >
                Found in {scopeLabel(place.project)} ({place.region}): {place.key.name}
                <ArrowRight size={14} aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {isSearching ? (
        <p className={styles.note}>
          Looking in the other regions and scopes… {checked} of {total} checked.
        </p>
      ) : found.length === 0 ? (
        <p className={styles.note}>
          Not in the other regions of {scopes.map(scopeLabel).join(', ')} either
          {failed.length ? ', where they answered' : ''}. Projects not opened in this session are
          not searched: open one with the scope switcher to include it.
        </p>
      ) : null}
      {failed.map((place) => (
        <p key={place.id} className={styles.failed}>
          {place.region} in {scopeLabel(place.project)} could not be checked:{' '}
          {describeError(place.error).title}.
        </p>
      ))}
    </div>
  );
}
