import { Link } from '@tanstack/react-router';
import { ArrowLeft, ArrowRight, Loader2 } from 'lucide-react';
import { KEY_TYPE_INFO, type KeyType } from '@/contract';
import { Button, buttonClassName } from '@/components/ui/button';
import { isSlowToCreate } from '../steps/key-type-guide';
import styles from './wizard-footer.module.css';

/** Cancel, Back and Next/Create, with progress while the key is being created. */
export function WizardFooter({
  region,
  isPending,
  isReview,
  keyType,
  onBack,
  cannotCreate,
}: {
  region: string;
  isPending: boolean;
  isReview: boolean;
  keyType: KeyType | '';
  onBack: (() => void) | undefined;
  /** The summary says KMS is off or absent here: Create is disabled, the notice says why. */
  cannotCreate: boolean;
}) {
  return (
    <div className={styles.footer}>
      <Link
        to="/regions/$region/keys"
        params={{ region }}
        className={buttonClassName({ variant: 'ghost' })}
      >
        Cancel
      </Link>
      <div className={styles.end}>
        {isPending ? (
          <span className={styles.progress} role="status">
            <Loader2 size={16} aria-hidden className={`spin ${styles.loader}`} />
            {keyType !== '' && isSlowToCreate(keyType)
              ? `Generating ${KEY_TYPE_INFO[keyType].label} key material; this takes a few seconds…`
              : 'Creating the key…'}
          </span>
        ) : null}
        {onBack ? (
          <Button onClick={onBack} disabled={isPending}>
            <ArrowLeft size={15} aria-hidden /> Back
          </Button>
        ) : null}
        {isReview && cannotCreate ? (
          <span className={styles.progress} id="create-blocked">
            Keys cannot be created here: see the notice above.
          </span>
        ) : null}
        {isReview ? (
          <Button
            type="submit"
            variant="primary"
            disabled={isPending || cannotCreate}
            aria-busy={isPending}
            aria-describedby={cannotCreate ? 'create-blocked' : undefined}
          >
            {isPending ? 'Creating…' : 'Create key'}
          </Button>
        ) : (
          <Button type="submit" variant="primary">
            Next <ArrowRight size={15} aria-hidden />
          </Button>
        )}
      </div>
    </div>
  );
}
