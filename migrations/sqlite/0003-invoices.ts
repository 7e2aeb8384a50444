import { Migration } from '@mikro-orm/migrations';

/** 0003 — suppliers, invoices with their approval history and policy, stored documents. */
export class Migration0003Invoices extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approval_policy` (`building_id` integer not null, `approver_roles` json not null, `council_threshold_cents` bigint null, `four_eyes` integer not null, constraint `approval_policy_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on delete cascade on update cascade, primary key (`building_id`))");
    this.addSql("create table `document` (`id` integer not null primary key autoincrement, `sha256` text not null, `file_name` text not null, `mime_type` text not null, `size` integer not null, `content` blob not null, `created_at` datetime not null)");
    this.addSql("create unique index `document_sha256_unique` on `document` (`sha256`)");
    this.addSql("create table `supplier` (`id` integer not null primary key autoincrement, `name` text not null, `bce` text null, `iban` text null, `default_expense_account` text null, `email` text null, `created_at` datetime not null)");
    this.addSql("create index `supplier_name_index` on `supplier` (`name`)");
    this.addSql("create table `invoice` (`id` integer not null primary key autoincrement, `building_id` integer not null, `supplier_id` integer not null, `number` text not null, `invoice_date` date not null, `due_date` date not null, `amount_cents` bigint not null, `vat_cents` bigint not null, `expense_account` text not null, `distribution_key_id` integer null, `period_start` date null, `period_end` date null, `description` text not null, `document_id` integer null, `status` text not null, `submitted_by` integer null, `approvals` json not null, `rejection_reason` text null, `entry_id` integer null, `payment_entry_id` integer null, `created_at` datetime not null, `updated_at` datetime not null, constraint `invoice_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `invoice_supplier_id_foreign` foreign key(`supplier_id`) references `supplier`(`id`) on update cascade, constraint `invoice_document_id_foreign` foreign key(`document_id`) references `document`(`id`) on delete set null on update cascade)");
    this.addSql("create index `invoice_building_id_index` on `invoice` (`building_id`)");
    this.addSql("create index `invoice_supplier_id_index` on `invoice` (`supplier_id`)");
    this.addSql("create index `invoice_document_id_index` on `invoice` (`document_id`)");
    this.addSql("create index `invoice_inbox` on `invoice` (`status`, `due_date`, `id`)");
    this.addSql("create index `invoice_building_status` on `invoice` (`building_id`, `status`, `due_date`, `id`)");
    this.addSql("create unique index `invoice_supplier_id_number_unique` on `invoice` (`supplier_id`, `number`)");
    this.addSql("create table `invoice_event` (`id` integer not null primary key autoincrement, `invoice_id` integer not null, `at` datetime not null, `actor` text not null, `action` text not null, `from_status` text null, `to_status` text not null, `note` text null, constraint `invoice_event_invoice_id_foreign` foreign key(`invoice_id`) references `invoice`(`id`) on update cascade)");
    this.addSql("create index `invoice_event_invoice_id_index` on `invoice_event` (`invoice_id`)");
  }
}
