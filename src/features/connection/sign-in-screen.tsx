import { KeyRound } from 'lucide-react';
import type { ReactNode } from 'react';
import styles from './sign-in.module.css';

/** The signed-out screen: one centred panel under the product's name. */
export function SignInScreen({ isBusy, children }: { isBusy?: boolean; children: ReactNode }) {
  return (
    <div className={styles.screen}>
      <main className={styles.panel} id="main" aria-busy={isBusy || undefined}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            <KeyRound size={18} />
          </span>
          <span>
            Thalassa <strong>KMS</strong>
          </span>
        </div>
        {children}
      </main>
    </div>
  );
}
