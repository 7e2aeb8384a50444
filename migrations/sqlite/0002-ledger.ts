import { Migration } from '@mikro-orm/migrations';

/** 0002 — ledger: chart of accounts per building, journals, fiscal years, entries and lines. */
export class Migration0002Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `fiscal_year` (`id` integer not null primary key autoincrement, `building_id` integer not null, `start_date` date not null, `end_date` date not null, `status` text not null, `closed_at` datetime null, constraint `fiscal_year_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `fiscal_year_building_id_index` on `fiscal_year` (`building_id`)");
    this.addSql("create unique index `fiscal_year_building_id_start_date_unique` on `fiscal_year` (`building_id`, `start_date`)");
    this.addSql("create table `journal` (`id` integer not null primary key autoincrement, `building_id` integer not null, `code` text not null, `kind` text not null, `bank_account_id` integer null, constraint `journal_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `journal_bank_account_id_foreign` foreign key(`bank_account_id`) references `bank_account`(`id`) on delete set null on update cascade)");
    this.addSql("create index `journal_building_id_index` on `journal` (`building_id`)");
    this.addSql("create index `journal_bank_account_id_index` on `journal` (`bank_account_id`)");
    this.addSql("create unique index `journal_building_id_code_unique` on `journal` (`building_id`, `code`)");
    this.addSql("create table `journal_entry` (`id` integer not null primary key autoincrement, `building_id` integer not null, `journal_id` integer not null, `fiscal_year_id` integer not null, `number` integer not null, `date` date not null, `description` text not null, `total_cents` bigint not null, `reversal_of_id` integer null, `reversed_by_id` integer null, `source_type` text not null, `source_id` integer null, `posted_at` datetime not null, `posted_by` text not null, constraint `journal_entry_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `journal_entry_journal_id_foreign` foreign key(`journal_id`) references `journal`(`id`) on update cascade, constraint `journal_entry_fiscal_year_id_foreign` foreign key(`fiscal_year_id`) references `fiscal_year`(`id`) on update cascade)");
    this.addSql("create index `journal_entry_building_id_index` on `journal_entry` (`building_id`)");
    this.addSql("create index `journal_entry_journal_id_index` on `journal_entry` (`journal_id`)");
    this.addSql("create index `journal_entry_fiscal_year_id_index` on `journal_entry` (`fiscal_year_id`)");
    this.addSql("create index `journal_entry_building_id_date_index` on `journal_entry` (`building_id`, `date`)");
    this.addSql("create index `journal_entry_source_type_source_id_index` on `journal_entry` (`source_type`, `source_id`)");
    this.addSql("create unique index `journal_entry_journal_id_fiscal_year_id_number_unique` on `journal_entry` (`journal_id`, `fiscal_year_id`, `number`)");
    this.addSql("create table `ledger_account` (`id` integer not null primary key autoincrement, `building_id` integer not null, `code` text not null, `label_fr` text not null, `label_nl` text not null, `type` text not null, `parent_code` text null, `owner_id` integer null, `supplier_id` integer null, `bank_account_id` integer null, `from_chart` integer not null, constraint `ledger_account_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `ledger_account_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on delete set null on update cascade, constraint `ledger_account_bank_account_id_foreign` foreign key(`bank_account_id`) references `bank_account`(`id`) on delete set null on update cascade)");
    this.addSql("create index `ledger_account_building_id_index` on `ledger_account` (`building_id`)");
    this.addSql("create index `ledger_account_owner_id_index` on `ledger_account` (`owner_id`)");
    this.addSql("create index `ledger_account_bank_account_id_index` on `ledger_account` (`bank_account_id`)");
    this.addSql("create unique index `ledger_account_building_id_code_unique` on `ledger_account` (`building_id`, `code`)");
    this.addSql("create table `journal_line` (`id` integer not null primary key autoincrement, `entry_id` integer not null, `building_id` integer not null, `fiscal_year_id` integer not null, `account_id` integer not null, `date` date not null, `debit_cents` bigint not null, `credit_cents` bigint not null, `label` text null, constraint `journal_line_entry_id_foreign` foreign key(`entry_id`) references `journal_entry`(`id`) on update cascade, constraint `journal_line_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade, constraint `journal_line_fiscal_year_id_foreign` foreign key(`fiscal_year_id`) references `fiscal_year`(`id`) on update cascade, constraint `journal_line_account_id_foreign` foreign key(`account_id`) references `ledger_account`(`id`) on update cascade)");
    this.addSql("create index `journal_line_entry_id_index` on `journal_line` (`entry_id`)");
    this.addSql("create index `journal_line_building_id_index` on `journal_line` (`building_id`)");
    this.addSql("create index `journal_line_fiscal_year_id_index` on `journal_line` (`fiscal_year_id`)");
    this.addSql("create index `journal_line_account_id_index` on `journal_line` (`account_id`)");
    this.addSql("create index `journal_line_account_page` on `journal_line` (`account_id`, `date`, `id`)");
    this.addSql("create index `journal_line_year_account` on `journal_line` (`fiscal_year_id`, `account_id`)");
  }
}
