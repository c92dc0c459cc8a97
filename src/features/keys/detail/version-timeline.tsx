import type { Key, KeyVersion } from '@/contract';
import { formatDate, formatDateTime } from '@/lib/format';
import { useServerNow } from '@/lib/use-server-now';
import shared from './detail-shared.module.css';
import styles from './version-timeline.module.css';

/** At most this many version marks; more are thinned (the table lists every one). */
const MAX_MARKS = 120;

/** Picks evenly spaced versions, always keeping the first, the minimum and the latest. */
export function thinVersions(
  versions: readonly KeyVersion[],
  keep: readonly number[],
  max = MAX_MARKS,
): KeyVersion[] {
  if (versions.length <= max) return [...versions];
  const step = versions.length / max;
  const picked = new Map<number, KeyVersion>();
  for (let i = 0; i < max; i++) {
    const v = versions[Math.floor(i * step)];
    if (v) picked.set(v.version, v);
  }
  for (const v of versions) if (keep.includes(v.version)) picked.set(v.version, v);
  return [...picked.values()].sort((a, b) => a.version - b.version);
}

/**
 * A horizontal time axis: retired versions, versions that still work, the latest, and the next
 * automatic rotation in the future.
 */
export function VersionTimeline({
  kmsKey,
  versions,
  next,
}: {
  kmsKey: Key;
  /** Sorted newest first. */
  versions: readonly KeyVersion[];
  next: Date | null;
}) {
  const nowDate = useServerNow(60_000);
  const asc = [...versions].reverse();
  const first = asc[0];
  const latest = versions[0];
  if (!first || !latest) return <p className={shared.muted}>No versions reported.</p>;
  const now = nowDate.getTime();
  const start = new Date(first.createdAt).getTime();
  const end = Math.max(now, next?.getTime() ?? 0, new Date(latest.createdAt).getTime());
  const span = Math.max(end - start, 1);
  const latestAt = new Date(latest.createdAt).getTime();
  const latestFraction = (latestAt - start) / span;
  const pos = (t: number) => `${(((t - start) / span) * 96 + 2).toFixed(3)}%`;
  const minV = asc.find((v) => v.version >= kmsKey.minDecryptionVersion);
  const minStart = minV ? new Date(minV.createdAt).getTime() : now;
  const marks = thinVersions(asc, [first.version, kmsKey.minDecryptionVersion, latest.version]);
  const isThinned = marks.length < asc.length;

  return (
    <figure className={styles.timeline}>
      <div className={styles.timelineTrack} aria-hidden>
        <div className={styles.timelineAxis} />
        {minStart > start ? (
          <div
            className={styles.timelineRetired}
            style={{ left: pos(start), width: `calc(${pos(minStart)} - ${pos(start)})` }}
          />
        ) : null}
        <div
          className={styles.timelineUsable}
          style={{ left: pos(minStart), width: `calc(${pos(now)} - ${pos(minStart)})` }}
        />
        {next ? (
          <div
            className={styles.timelineFuture}
            style={{ left: pos(now), width: `calc(${pos(next.getTime())} - ${pos(now)})` }}
          />
        ) : null}
        {marks.map((v) => {
          const t = new Date(v.createdAt).getTime();
          const cls =
            v.version === latest.version
              ? styles.markLatest
              : v.version < kmsKey.minDecryptionVersion
                ? styles.markRetired
                : styles.markUsable;
          return (
            <span
              key={v.version}
              className={`${styles.mark} ${cls}`}
              style={{ left: pos(t) }}
              title={`Version ${v.version}: ${formatDateTime(v.createdAt)}`}
            />
          );
        })}
        <span className={styles.nowMark} style={{ left: pos(now) }} />
        {next ? (
          <span
            className={`${styles.mark} ${styles.markNext}`}
            style={{ left: pos(next.getTime()) }}
          />
        ) : null}
      </div>
      <div className={styles.timelineLabels}>
        <span>
          {first.version === latest.version
            ? `v${first.version}`
            : latestFraction < 0.2
              ? `v${first.version}–v${latest.version}`
              : `v${first.version}`}{' '}
          · {formatDate(first.createdAt)}
        </span>
        {first.version !== latest.version && latestFraction >= 0.2 && latestFraction <= 0.8 ? (
          <span className={styles.timelineMid} style={{ left: pos(latestAt) }}>
            Latest v{latest.version} · {formatDate(latest.createdAt)}
          </span>
        ) : null}
        <span>
          {next
            ? `Next rotation v${latest.version + 1} · ${formatDate(next)}`
            : `Now · ${formatDate(nowDate)}`}
        </span>
      </div>
      <figcaption className={styles.legend}>
        <span className={styles.legendItem}>
          <span className={`${styles.legendSwatch} ${styles.markLatest}`} /> latest
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.legendSwatch} ${styles.markUsable}`} /> can still
          decrypt/verify
        </span>
        <span className={styles.legendItem}>
          <span className={`${styles.legendSwatch} ${styles.markRetired}`} /> retired (below min. v
          {kmsKey.minDecryptionVersion})
        </span>
        {next ? (
          <span className={styles.legendItem}>
            <span className={`${styles.legendSwatch} ${styles.markNext}`} /> next automatic rotation
          </span>
        ) : null}
        {isThinned ? (
          <span className={shared.muted}>
            Showing {marks.length} of {asc.length.toLocaleString('en')} versions; the table lists
            all.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
