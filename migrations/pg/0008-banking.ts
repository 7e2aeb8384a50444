import { Migration } from '@mikro-orm/migrations';

/**
 * 0008 — banking: imported statements, their movements and what they were matched to
 * (bank_statement, bank_movement, bank_allocation), reminders and their policy; the
 * owner's IBAN and SEPA mandate, the building's SEPA creditor identifier, an invoice's
 * payment reference (docs/banking.md, ADR 0016).
 */
export class Migration0008Banking extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"bank_statement\" (\"id\" serial primary key, \"building_id\" int not null, \"bank_account_id\" int not null, \"format\" varchar(8) not null, \"sequence\" varchar(10) null, \"date\" date null, \"opening_balance_cents\" bigint not null, \"closing_balance_cents\" bigint not null, \"movement_count\" int not null, \"dedup_key\" varchar(80) not null, \"file_name\" varchar(260) not null, \"file_sha256\" varchar(64) not null, \"imported_at\" timestamptz not null, \"imported_by\" varchar(120) not null)");
    this.addSql("create index \"bank_statement_building_id_date_index\" on \"bank_statement\" (\"building_id\", \"date\")");
    this.addSql("alter table \"bank_statement\" add constraint \"bank_statement_bank_account_id_dedup_key_unique\" unique (\"bank_account_id\", \"dedup_key\")");
    this.addSql("create table \"bank_movement\" (\"id\" serial primary key, \"statement_id\" int not null, \"building_id\" int not null, \"sequence\" varchar(4) not null, \"date\" date not null, \"booking_date\" date null, \"value_date\" date null, \"amount_cents\" bigint not null, \"counterparty_name\" varchar(140) null, \"counterparty_account\" varchar(34) null, \"structured_reference\" varchar(35) null, \"communication\" varchar(1000) null, \"bank_reference\" varchar(60) null, \"entry_id\" int null, \"status\" varchar(10) not null, \"allocated_cents\" bigint not null)");
    this.addSql("create index \"bank_movement_page\" on \"bank_movement\" (\"building_id\", \"status\", \"id\")");
    this.addSql("create index \"bank_movement_statement_id_index\" on \"bank_movement\" (\"statement_id\")");
    this.addSql("create table \"reminder\" (\"id\" serial primary key, \"building_id\" int not null, \"owner_id\" int not null, \"level\" int not null, \"date\" date not null, \"lines\" jsonb not null, \"due_cents\" bigint not null, \"fee_cents\" bigint not null, \"interest_cents\" bigint not null, \"entry_id\" int null, \"document_id\" int null, \"created_at\" timestamptz not null, \"created_by\" varchar(120) not null)");
    this.addSql("create index \"reminder_building_id_owner_id_index\" on \"reminder\" (\"building_id\", \"owner_id\")");
    this.addSql("create index \"reminder_owner_id_index\" on \"reminder\" (\"owner_id\")");
    this.addSql("create table \"reminder_policy\" (\"building_id\" int not null, \"levels\" jsonb not null, \"interest_applies\" boolean not null, \"interest_rate_bp\" int not null, \"updated_at\" timestamptz not null, constraint \"reminder_policy_pkey\" primary key (\"building_id\"))");
    this.addSql("create table \"bank_allocation\" (\"id\" serial primary key, \"movement_id\" int not null, \"building_id\" int not null, \"kind\" varchar(12) not null, \"call_line_id\" int null, \"invoice_id\" int null, \"owner_id\" int null, \"amount_cents\" bigint not null, \"rule\" varchar(20) not null, \"confidence\" int null, \"entry_id\" int not null, \"created_at\" timestamptz not null, \"created_by\" varchar(120) not null, \"reversal_entry_id\" int null, \"reversed_at\" timestamptz null)");
    this.addSql("create index \"bank_allocation_movement_id_index\" on \"bank_allocation\" (\"movement_id\")");
    this.addSql("create index \"bank_allocation_call_line_id_index\" on \"bank_allocation\" (\"call_line_id\")");
    this.addSql("create index \"bank_allocation_invoice_id_index\" on \"bank_allocation\" (\"invoice_id\")");
    this.addSql("create index \"bank_allocation_owner_id_index\" on \"bank_allocation\" (\"owner_id\")");
    this.addSql("alter table \"bank_statement\" add constraint \"bank_statement_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"bank_statement\" add constraint \"bank_statement_bank_account_id_foreign\" foreign key (\"bank_account_id\") references \"bank_account\" (\"id\") on update cascade");
    this.addSql("alter table \"bank_movement\" add constraint \"bank_movement_statement_id_foreign\" foreign key (\"statement_id\") references \"bank_statement\" (\"id\") on update cascade");
    this.addSql("alter table \"bank_movement\" add constraint \"bank_movement_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"reminder\" add constraint \"reminder_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"reminder\" add constraint \"reminder_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade");
    this.addSql("alter table \"reminder_policy\" add constraint \"reminder_policy_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade on delete cascade");
    this.addSql("alter table \"bank_allocation\" add constraint \"bank_allocation_movement_id_foreign\" foreign key (\"movement_id\") references \"bank_movement\" (\"id\") on update cascade");
    this.addSql("alter table \"bank_allocation\" add constraint \"bank_allocation_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"bank_allocation\" add constraint \"bank_allocation_call_line_id_foreign\" foreign key (\"call_line_id\") references \"fund_call_line\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"bank_allocation\" add constraint \"bank_allocation_invoice_id_foreign\" foreign key (\"invoice_id\") references \"invoice\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"bank_allocation\" add constraint \"bank_allocation_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"building\" add column \"sepa_creditor_id\" varchar(35) null");
    this.addSql("alter table \"owner\" add column \"iban\" varchar(34) null");
    this.addSql("alter table \"owner\" add column \"sepa_mandate_id\" varchar(35) null");
    this.addSql("alter table \"owner\" add column \"sepa_mandate_signed_on\" date null");
    this.addSql("alter table \"owner\" add column \"sepa_last_collection_on\" date null");
    this.addSql("create index \"owner_iban_index\" on \"owner\" (\"iban\")");
    this.addSql("alter table \"invoice\" add column \"payment_reference\" varchar(35) null");
  }
}
