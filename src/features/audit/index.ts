// What other features use of the audit feature. Its pages (the audit log, the key page's
// activity tab) are not here: app imports them directly, so a feature that only needs a label
// never pulls a page into its chunk.
export { auditKeys } from './api';
export { auditActionLabel } from './audit-labels';
export { auditSearchSchema, type AuditSearch } from './audit-search';
