import { z } from 'zod';
import { connectionStore } from './connection-store';

const STORAGE_KEY = 'kms.recentProjects';
const MAX_RECENT = 6;
const recentSchema = z.array(z.object({ organisation: z.string(), project: z.string().min(1) }));
type Recent = z.infer<typeof recentSchema>;

function read(): Recent {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed = recentSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Projects used in this browser session, most recent first (session storage only). */
export function recentProjects(organisation: string): string[] {
  return read()
    .filter((r) => r.organisation === organisation)
    .map((r) => r.project);
}

/**
 * Puts a project first in the session's recent list (deduplicated, at most six); only while
 * signed in, so an answer that lands after sign-out leaves nothing behind.
 */
export function rememberProject(organisation: string, project: string): void {
  if (!connectionStore.get()) return;
  const next = [
    { organisation, project },
    ...read().filter((r) => !(r.organisation === organisation && r.project === project)),
  ].slice(0, MAX_RECENT * 4);
  const perOrg = new Map<string, number>();
  const kept = next.filter((r) => {
    const n = (perOrg.get(r.organisation) ?? 0) + 1;
    perOrg.set(r.organisation, n);
    return n <= MAX_RECENT;
  });
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    /* not remembered: still works for this page */
  }
}

export function forgetProjects(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
}
