import type { AuditEntry, AuditRepository, AuditSearch } from '../store/repositories/audit-repository.js';

/** Reads the audit log. Nothing here (or anywhere) changes or deletes an entry. */
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  search(search: AuditSearch): Promise<{ count: number; hits: AuditEntry[] }> {
    return this.audit.search(search);
  }
}
