export { useSummary } from './api/hooks';
export { summaryKeys, summaryQuery } from './api/queries';
export { KmsDisabledState } from './kms-disabled-state';
export { RegionSwitcher } from './region-switcher';
export { RegionsPage } from './regions-page';
export { SummaryGate } from './summary-gate';
