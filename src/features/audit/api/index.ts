export { auditKeys } from './query-keys';
export { useAuditNewer, useAuditPage, useLastUsed } from './hooks';
export { auditNewerQuery, auditPageQuery, lastUsedQuery } from './queries';
export { EXPORT_CAP, fetchForExport, LAST_USED_MAX_PAGES, scanLastUsed } from './walk';
export type { ExportProgress } from './walk';
