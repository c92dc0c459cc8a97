import type { CreateKeyStep } from './create-key-search';
import { lazyChunk } from '@/lib/lazy-chunk';

/**
 * Every step after the first is its own chunk, so the wizard opens with only the first step's
 * code (the key material step, with its BYOK commands, loads only for an imported key). Next
 * waits for the following step's chunk before moving on, so no step is drawn as a placeholder.
 */
export const STEP_CHUNKS = {
  details: lazyChunk(() => import('./steps/details-step').then((m) => m.DetailsStep)),
  rotation: lazyChunk(() => import('./steps/rotation-step').then((m) => m.RotationStep)),
  export: lazyChunk(() => import('./steps/export-step').then((m) => m.ExportStep)),
  material: lazyChunk(() => import('./steps/material-step').then((m) => m.MaterialStep)),
  review: lazyChunk(() => import('./steps/review-step').then((m) => m.ReviewStep)),
};

/** Starts loading a step's code; resolves when it is here (or failed: the step then says so). */
export function loadStep(step: CreateKeyStep): Promise<unknown> {
  if (step === 'type') return Promise.resolve();
  return STEP_CHUNKS[step].load().catch(() => undefined);
}
