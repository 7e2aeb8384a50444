import { Migration } from '@mikro-orm/migrations';

/**
 * 0008 — banking: imported statements, their movements and what they were matched to
 * (bank_statement, bank_movement, bank_allocation), reminders and their policy; the
 * owner's IBAN and SEPA mandate, the building's SEPA creditor identifier, an invoice's
 * payment reference (docs/banking.md, ADR 0016).
 */
export class Migration0008Banking extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `bank_statement` (`id` integer not null primary key autoincrement, `building_id` integer not null, `bank_account_id` integer not null, `format` text not null, `sequence` text null, `date` date null, `opening_balance_cents` bigint not null, `closing_balance_cents` bigint not null, `movement_count` integer not null, `dedup_key` text not null, `file_name` text not null, `file_sha256` text not null, `imported_at` datetime not null, `imported_by` text not null, constraint `bank_statement_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `bank_statement_bank_account_id_foreign` foreign key(`bank_account_id`) references `bank_account`(`id`) on update cascade)");
    this.addSql("create index `bank_statement_building_id_index` on `bank_statement` (`building_id`)");
    this.addSql("create index `bank_statement_bank_account_id_index` on `bank_statement` (`bank_account_id`)");
    this.addSql("create index `bank_statement_building_id_date_index` on `bank_statement` (`building_id`, `date`)");
    this.addSql("create unique index `bank_statement_bank_account_id_dedup_key_unique` on `bank_statement` (`bank_account_id`, `dedup_key`)");
    this.addSql("create table `bank_movement` (`id` integer not null primary key autoincrement, `statement_id` integer not null, `building_id` integer not null, `sequence` text not null, `date` date not null, `booking_date` date null, `value_date` date null, `amount_cents` bigint not null, `counterparty_name` text null, `counterparty_account` text null, `structured_reference` text null, `communication` text null, `bank_reference` text null, `entry_id` integer null, `status` text not null, `allocated_cents` bigint not null, constraint `bank_movement_statement_id_foreign` foreign key(`statement_id`) references `bank_statement`(`id`) on update cascade, constraint `bank_movement_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `bank_movement_building_id_index` on `bank_movement` (`building_id`)");
    this.addSql("create index `bank_movement_page` on `bank_movement` (`building_id`, `status`, `id`)");
    this.addSql("create index `bank_movement_statement_id_index` on `bank_movement` (`statement_id`)");
    this.addSql("create table `reminder` (`id` integer not null primary key autoincrement, `building_id` integer not null, `owner_id` integer not null, `level` integer not null, `date` date not null, `lines` json not null, `due_cents` bigint not null, `fee_cents` bigint not null, `interest_cents` bigint not null, `entry_id` integer null, `document_id` integer null, `created_at` datetime not null, `created_by` text not null, constraint `reminder_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `reminder_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on update cascade)");
    this.addSql("create index `reminder_building_id_index` on `reminder` (`building_id`)");
    this.addSql("create index `reminder_building_id_owner_id_index` on `reminder` (`building_id`, `owner_id`)");
    this.addSql("create index `reminder_owner_id_index` on `reminder` (`owner_id`)");
    this.addSql("create table `reminder_policy` (`building_id` integer not null, `levels` json not null, `interest_applies` integer not null, `interest_rate_bp` integer not null, `updated_at` datetime not null, constraint `reminder_policy_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on delete cascade on update cascade, primary key (`building_id`))");
    this.addSql("create table `bank_allocation` (`id` integer not null primary key autoincrement, `movement_id` integer not null, `building_id` integer not null, `kind` text not null, `call_line_id` integer null, `invoice_id` integer null, `owner_id` integer null, `amount_cents` bigint not null, `rule` text not null, `confidence` integer null, `entry_id` integer not null, `created_at` datetime not null, `created_by` text not null, `reversal_entry_id` integer null, `reversed_at` datetime null, constraint `bank_allocation_movement_id_foreign` foreign key(`movement_id`) references `bank_movement`(`id`) on update cascade, constraint `bank_allocation_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `bank_allocation_call_line_id_foreign` foreign key(`call_line_id`) references `fund_call_line`(`id`) on delete set null on update cascade, constraint `bank_allocation_invoice_id_foreign` foreign key(`invoice_id`) references `invoice`(`id`) on delete set null on update cascade, constraint `bank_allocation_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on delete set null on update cascade)");
    this.addSql("create index `bank_allocation_building_id_index` on `bank_allocation` (`building_id`)");
    this.addSql("create index `bank_allocation_movement_id_index` on `bank_allocation` (`movement_id`)");
    this.addSql("create index `bank_allocation_call_line_id_index` on `bank_allocation` (`call_line_id`)");
    this.addSql("create index `bank_allocation_invoice_id_index` on `bank_allocation` (`invoice_id`)");
    this.addSql("create index `bank_allocation_owner_id_index` on `bank_allocation` (`owner_id`)");
    this.addSql("alter table `building` add column `sepa_creditor_id` text null");
    this.addSql("alter table `owner` add column `iban` text null");
    this.addSql("alter table `owner` add column `sepa_mandate_id` text null");
    this.addSql("alter table `owner` add column `sepa_mandate_signed_on` date null");
    this.addSql("alter table `owner` add column `sepa_last_collection_on` date null");
    this.addSql("create index `owner_iban_index` on `owner` (`iban`)");
    this.addSql("alter table `invoice` add column `payment_reference` text null");
  }
}
