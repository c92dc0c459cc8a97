/**
 * Each route's JS beside the floor app's, with its targets and its biggest parts. Sizes are the
 * gzip sizes of the build's chunks that the route loaded (names seen by the browser, sizes from
 * the build), so a response body the browser could not hand over never shrinks a figure.
 */
import type { RouteAssets } from './browser';
import { composition, type BuildStats, type CompositionRow } from './module-table';

/** Ratio targets to the floor (issue 14): first routes 1.3x, the key list 1.5x; any route 200 kB. */
const RATIO_TARGETS: Record<string, number> = {
  'sign-in': 1.3,
  regions: 1.3,
  'key list': 1.5,
};
export const ROUTE_LIMIT_KB = 200;

export interface RouteReport {
  jsGzipKb: number;
  ratioToFloor: number;
  /** The ratio target, when the route has one. */
  ratioTarget?: number;
  isWithinTargets: boolean;
  biggest: CompositionRow[];
}

export function routeReport(
  assets: Record<string, RouteAssets>,
  consoleStats: BuildStats,
  floorStats: BuildStats,
  root: string,
): { floorJsGzipKb: number; floorBiggest: CompositionRow[]; routes: Record<string, RouteReport> } {
  const floor = assets.floor;
  if (!floor) throw new Error('the floor app was not measured');
  const floorJs = composition(floorStats, floor.scripts, root, 10);
  const routes: Record<string, RouteReport> = {};
  for (const [name, a] of Object.entries(assets)) {
    if (name === 'floor') continue;
    const js = composition(consoleStats, a.scripts, root, 10);
    const ratio = Math.round((js.totalGzipKb / floorJs.totalGzipKb) * 100) / 100;
    const target = RATIO_TARGETS[name];
    routes[name] = {
      jsGzipKb: js.totalGzipKb,
      ratioToFloor: ratio,
      ...(target ? { ratioTarget: target } : {}),
      isWithinTargets:
        js.totalGzipKb <= ROUTE_LIMIT_KB && (target === undefined || ratio <= target),
      biggest: js.rows,
    };
  }
  return { floorJsGzipKb: floorJs.totalGzipKb, floorBiggest: floorJs.rows, routes };
}
