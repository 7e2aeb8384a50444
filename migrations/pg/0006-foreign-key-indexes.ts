import { Migration } from '@mikro-orm/migrations';

/**
 * 0006 — PostgreSQL does not index foreign keys by itself (SQLite's schema has had these
 * since 0002–0004). Without them, on the benchmark firm (docs/performance.md), showing an
 * entry after posting it read all of journal_line (2 M rows), an invoice's history all of
 * invoice_event, calls.list all of fund_call_line.
 */
export class Migration0006ForeignKeyIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index \"journal_line_entry_id_index\" on \"journal_line\" (\"entry_id\")");
    this.addSql("create index \"invoice_event_invoice_id_index\" on \"invoice_event\" (\"invoice_id\")");
    this.addSql("create index \"invoice_document_id_index\" on \"invoice\" (\"document_id\")");
    this.addSql("create index \"fund_call_line_call_id_index\" on \"fund_call_line\" (\"call_id\")");
  }
}
