import { Migration } from '@mikro-orm/migrations';

/** 0003 — suppliers, invoices with their approval history and policy, stored documents. */
export class Migration0003Invoices extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approval_policy\" (\"building_id\" int not null, \"approver_roles\" jsonb not null, \"council_threshold_cents\" bigint null, \"four_eyes\" boolean not null, constraint \"approval_policy_pkey\" primary key (\"building_id\"))");
    this.addSql("create table \"document\" (\"id\" serial primary key, \"sha256\" varchar(64) not null, \"file_name\" varchar(260) not null, \"mime_type\" varchar(100) not null, \"size\" int not null, \"content\" bytea not null, \"created_at\" timestamptz not null)");
    this.addSql("alter table \"document\" add constraint \"document_sha256_unique\" unique (\"sha256\")");
    this.addSql("create table \"supplier\" (\"id\" serial primary key, \"name\" varchar(160) not null, \"bce\" varchar(10) null, \"iban\" varchar(34) null, \"default_expense_account\" varchar(16) null, \"email\" varchar(254) null, \"created_at\" timestamptz not null)");
    this.addSql("create index \"supplier_name_index\" on \"supplier\" (\"name\")");
    this.addSql("create table \"invoice\" (\"id\" serial primary key, \"building_id\" int not null, \"supplier_id\" int not null, \"number\" varchar(60) not null, \"invoice_date\" date not null, \"due_date\" date not null, \"amount_cents\" bigint not null, \"vat_cents\" bigint not null, \"expense_account\" varchar(16) not null, \"distribution_key_id\" int null, \"period_start\" date null, \"period_end\" date null, \"description\" varchar(300) not null, \"document_id\" int null, \"status\" varchar(20) not null, \"submitted_by\" int null, \"approvals\" jsonb not null, \"rejection_reason\" varchar(500) null, \"entry_id\" int null, \"payment_entry_id\" int null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null)");
    this.addSql("create index \"invoice_inbox\" on \"invoice\" (\"status\", \"due_date\", \"id\")");
    this.addSql("create index \"invoice_building_status\" on \"invoice\" (\"building_id\", \"status\", \"due_date\", \"id\")");
    this.addSql("alter table \"invoice\" add constraint \"invoice_supplier_id_number_unique\" unique (\"supplier_id\", \"number\")");
    this.addSql("create table \"invoice_event\" (\"id\" serial primary key, \"invoice_id\" int not null, \"at\" timestamptz not null, \"actor\" varchar(120) not null, \"action\" varchar(30) not null, \"from_status\" varchar(20) null, \"to_status\" varchar(20) not null, \"note\" varchar(500) null)");
    this.addSql("alter table \"approval_policy\" add constraint \"approval_policy_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade on delete cascade");
    this.addSql("alter table \"invoice\" add constraint \"invoice_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"invoice\" add constraint \"invoice_supplier_id_foreign\" foreign key (\"supplier_id\") references \"supplier\" (\"id\") on update cascade");
    this.addSql("alter table \"invoice\" add constraint \"invoice_document_id_foreign\" foreign key (\"document_id\") references \"document\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"invoice_event\" add constraint \"invoice_event_invoice_id_foreign\" foreign key (\"invoice_id\") references \"invoice\" (\"id\") on update cascade");
  }
}
