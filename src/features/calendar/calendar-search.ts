import { z } from 'zod';

/** How far ahead the calendar looks, in days: the segmented choice in the URL (`?range=30`). */
export const CALENDAR_RANGES = [7, 30, 90] as const;
export type CalendarRange = (typeof CALENDAR_RANGES)[number];
export const DEFAULT_CALENDAR_RANGE: CalendarRange = 7;

/** `/calendar?range=7|30|90`; another value falls back to the default (and is reported). */
export const calendarSearchSchema = z.object({
  range: z
    .preprocess(
      (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
      z.union([z.literal(7), z.literal(30), z.literal(90)]),
    )
    .optional()
    .catch(undefined),
});
export type CalendarSearch = z.infer<typeof calendarSearchSchema>;
