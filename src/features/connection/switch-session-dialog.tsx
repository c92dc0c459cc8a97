import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { StoredConnection } from './connection-store';
import styles from './sign-in.module.css';

const serverOf = (connection: StoredConnection) => connection.baseUrl || window.location.origin;

function SessionLine({ label, connection }: { label: string; connection: StoredConnection }) {
  return (
    <div className={styles.sessionLine}>
      <dt>{label}</dt>
      <dd>
        organisation <code>{connection.organisation}</code> on <code>{serverOf(connection)}</code>
      </dd>
    </div>
  );
}

/** Asks before a sign-in link replaces the session of this tab; declining keeps it. */
export function SwitchSessionDialog({
  incoming,
  current,
  onSwitch,
  onKeep,
}: {
  incoming: StoredConnection;
  current: StoredConnection;
  onSwitch: () => void;
  onKeep: () => void;
}) {
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onKeep())}
      title="Switch to another session?"
      footer={
        <>
          <Button variant="secondary" onClick={onKeep}>
            Keep current session
          </Button>
          <Button variant="primary" onClick={onSwitch}>
            Switch session
          </Button>
        </>
      }
    >
      <p className={styles.switchLead}>
        A sign-in link was opened in this tab. Switch only if you opened it yourself: everything you
        do next goes to the session below.
      </p>
      <dl className={styles.sessions}>
        <SessionLine label="Switch to" connection={incoming} />
        <SessionLine label="Signed in now" connection={current} />
      </dl>
    </Dialog>
  );
}
