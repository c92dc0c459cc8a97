import { z } from 'zod';

/** Tabs of the key page; each is a URL segment: /regions/{region}/keys/{id}/{tab}. */
export const KEY_DETAIL_TABS = [
  'overview',
  'versions',
  'rotation',
  'public-key',
  'crypto',
  'activity',
  'api',
] as const;
export const keyDetailTabSchema = z.enum(KEY_DETAIL_TABS);
export type KeyDetailTab = z.infer<typeof keyDetailTabSchema>;
