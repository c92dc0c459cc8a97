import styles from './skeleton.module.css';

/** A loading placeholder; announce loading separately (aria-busy on the region). */
export function Skeleton({
  width = '100%',
  height = 14,
}: {
  width?: number | string;
  height?: number | string;
}) {
  return <span className={styles.skeleton} style={{ width, height }} aria-hidden />;
}
