import { z } from 'zod';

/** What the console needs to talk to the API. Kept in memory and session storage only. */
const storedConnectionSchema = z.object({
  baseUrl: z.string(),
  token: z.string().min(1),
  organisation: z.string().min(1),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

const STORAGE_KEY = 'kms.connection';
const listeners = new Set<() => void>();
let current: StoredConnection | null | undefined;
/** Where the last session was when the API refused its token (no token kept; memory only). */
let refused: { organisation: string; baseUrl: string } | null = null;

function load(): StoredConnection | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = storedConnectionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const connectionStore = {
  get(): StoredConnection | null {
    if (current === undefined) current = load();
    return current;
  },
  set(connection: StoredConnection): void {
    current = connection;
    refused = null;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(connection));
    } catch {
      /* memory only */
    }
    listeners.forEach((l) => l());
  },
  /** Ends the session; `{ isRefused: true }` when the API refused its token (a 401). */
  clear({ isRefused = false }: { isRefused?: boolean } = {}): void {
    const ended = current === undefined ? load() : current;
    refused =
      isRefused && ended ? { organisation: ended.organisation, baseUrl: ended.baseUrl } : null;
    current = null;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      /* nothing stored */
    }
    listeners.forEach((l) => l());
  },
  /** The organisation and API address of a session whose token the API refused, if any. */
  refused(): { organisation: string; baseUrl: string } | null {
    return refused;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
