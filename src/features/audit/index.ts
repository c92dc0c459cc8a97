export { auditKeys } from './api';
export { auditActionLabel } from './audit-labels';
export { AuditPage } from './audit-page';
export { auditSearchSchema, type AuditSearch } from './audit-search';
export { KeyActivity } from './key-activity';
