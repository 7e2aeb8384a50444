import { Migration } from '@mikro-orm/migrations';

/** 0004 — distribution keys, calls for funds with their OGM, statements of charges; invoices remember their statement. */
export class Migration0004Charges extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `charge_statement` (`id` integer not null primary key autoincrement, `building_id` integer not null, `period_start` date not null, `period_end` date not null, `date` date not null, `charges_cents` bigint not null, `provisions_cents` bigint not null, `entry_id` integer null, `created_at` datetime not null, constraint `charge_statement_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `charge_statement_building_id_index` on `charge_statement` (`building_id`)");
    this.addSql("create unique index `charge_statement_building_id_period_start_unique` on `charge_statement` (`building_id`, `period_start`)");
    this.addSql("create table `distribution_key` (`id` integer not null primary key autoincrement, `building_id` integer not null, `name` text not null, `created_at` datetime not null, constraint `distribution_key_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `distribution_key_building_id_index` on `distribution_key` (`building_id`)");
    this.addSql("create unique index `distribution_key_building_id_name_unique` on `distribution_key` (`building_id`, `name`)");
    this.addSql("create table `fund_call` (`id` integer not null primary key autoincrement, `building_id` integer not null, `kind` text not null, `label` text not null, `call_date` date not null, `due_date` date not null, `total_cents` bigint not null, `key_id` integer null, `entry_id` integer null, `created_at` datetime not null, constraint `fund_call_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `fund_call_building_id_index` on `fund_call` (`building_id`)");
    this.addSql("create index `fund_call_building_id_call_date_index` on `fund_call` (`building_id`, `call_date`)");
    this.addSql("create table `distribution_key_weight` (`key_id` integer not null, `lot_id` integer not null, `weight` integer not null, constraint `distribution_key_weight_key_id_foreign` foreign key(`key_id`) references `distribution_key`(`id`) on delete cascade on update cascade, constraint `distribution_key_weight_lot_id_foreign` foreign key(`lot_id`) references `lot`(`id`) on update cascade, primary key (`key_id`, `lot_id`))");
    this.addSql("create index `distribution_key_weight_key_id_index` on `distribution_key_weight` (`key_id`)");
    this.addSql("create index `distribution_key_weight_lot_id_index` on `distribution_key_weight` (`lot_id`)");
    this.addSql("create table `fund_call_line` (`id` integer not null primary key autoincrement, `call_id` integer not null, `owner_id` integer not null, `amount_cents` bigint not null, `ogm` text not null, constraint `fund_call_line_call_id_foreign` foreign key(`call_id`) references `fund_call`(`id`) on update cascade, constraint `fund_call_line_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on update cascade)");
    this.addSql("create index `fund_call_line_call_id_index` on `fund_call_line` (`call_id`)");
    this.addSql("create index `fund_call_line_owner_id_index` on `fund_call_line` (`owner_id`)");
    this.addSql("create unique index `fund_call_line_ogm_unique` on `fund_call_line` (`ogm`)");
    this.addSql("create table `charge_statement_line` (`id` integer not null primary key autoincrement, `statement_id` integer not null, `owner_id` integer not null, `charges_cents` bigint not null, `provisions_cents` bigint not null, constraint `charge_statement_line_statement_id_foreign` foreign key(`statement_id`) references `charge_statement`(`id`) on update cascade, constraint `charge_statement_line_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on update cascade)");
    this.addSql("create index `charge_statement_line_statement_id_index` on `charge_statement_line` (`statement_id`)");
    this.addSql("create index `charge_statement_line_owner_id_index` on `charge_statement_line` (`owner_id`)");
    this.addSql("alter table `invoice` add column `statement_id` integer null");
  }
}
