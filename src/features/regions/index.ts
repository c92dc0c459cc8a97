export { summaryKeys, summaryQuery } from './api/queries';
export { RegionSwitcher } from './region-switcher';
export { RegionsPage } from './regions-page';
