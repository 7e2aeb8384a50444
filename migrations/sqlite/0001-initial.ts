import { Migration } from '@mikro-orm/migrations';

/** 0001 — portfolio (firm, buildings, bank accounts, lots, owners, ownerships), users, roles, audit, settings. */
export class Migration0001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `audit_record` (`id` integer not null primary key autoincrement, `at` datetime not null, `actor` text not null, `action` text not null, `entity` text not null, `entity_id` integer null, `before` json null, `after` json null)");
    this.addSql("create index `audit_record_entity_entity_id_index` on `audit_record` (`entity`, `entity_id`)");
    this.addSql("create table `building` (`id` integer not null primary key autoincrement, `name` text not null, `street` text not null, `postal_code` text not null, `city` text not null, `country` text not null, `bce` text null, `total_shares` integer not null, `created_at` datetime not null, `updated_at` datetime not null)");
    this.addSql("create index `building_name_index` on `building` (`name`)");
    this.addSql("create table `bank_account` (`id` integer not null primary key autoincrement, `building_id` integer not null, `iban` text not null, `label` text not null, `purpose` text not null, constraint `bank_account_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on delete cascade on update cascade)");
    this.addSql("create index `bank_account_building_id_index` on `bank_account` (`building_id`)");
    this.addSql("create unique index `bank_account_iban_unique` on `bank_account` (`iban`)");
    this.addSql("create table `firm` (`id` integer not null primary key autoincrement, `name` text not null, `bce` text null, `street` text null, `postal_code` text null, `city` text null, `country` text null, `ipi_number` text null, `email` text null, `phone` text null)");
    this.addSql("create table `lot` (`id` integer not null primary key autoincrement, `building_id` integer not null, `number` text not null, `kind` text not null, `floor` integer null, `shares` integer not null, constraint `lot_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `lot_building_id_index` on `lot` (`building_id`)");
    this.addSql("create unique index `lot_building_id_number_unique` on `lot` (`building_id`, `number`)");
    this.addSql("create table `owner` (`id` integer not null primary key autoincrement, `kind` text not null, `name` text not null, `first_name` text null, `bce` text null, `street` text not null, `postal_code` text not null, `city` text not null, `country` text not null, `language` text not null, `email` text null, `email_consent` integer not null, `email_consent_at` datetime null, `phone` text null, `created_at` datetime not null, `updated_at` datetime not null)");
    this.addSql("create index `owner_name_index` on `owner` (`name`)");
    this.addSql("create table `ownership` (`id` integer not null primary key autoincrement, `lot_id` integer not null, `owner_id` integer not null, `fraction_num` integer not null, `fraction_den` integer not null, `valid_from` date not null, `valid_to` date null, constraint `ownership_lot_id_foreign` foreign key(`lot_id`) references `lot`(`id`) on update cascade, constraint `ownership_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on update cascade)");
    this.addSql("create index `ownership_lot_id_index` on `ownership` (`lot_id`)");
    this.addSql("create index `ownership_lot_id_valid_to_index` on `ownership` (`lot_id`, `valid_to`)");
    this.addSql("create index `ownership_owner_id_index` on `ownership` (`owner_id`)");
    this.addSql("create table `setting` (`key` text not null, `value` json not null, primary key (`key`))");
    this.addSql("create table `app_user` (`id` integer not null primary key autoincrement, `email` text not null, `display_name` text not null, `language` text not null, `password_hash` text not null, `active` integer not null, `created_at` datetime not null)");
    this.addSql("create unique index `app_user_email_unique` on `app_user` (`email`)");
    this.addSql("create table `role_assignment` (`id` integer not null primary key autoincrement, `user_id` integer not null, `role` text not null, `building_id` integer null, `owner_id` integer null, constraint `role_assignment_user_id_foreign` foreign key(`user_id`) references `app_user`(`id`) on delete cascade on update cascade, constraint `role_assignment_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on delete set null on update cascade, constraint `role_assignment_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on delete set null on update cascade)");
    this.addSql("create index `role_assignment_user_id_index` on `role_assignment` (`user_id`)");
    this.addSql("create index `role_assignment_building_id_index` on `role_assignment` (`building_id`)");
    this.addSql("create index `role_assignment_owner_id_index` on `role_assignment` (`owner_id`)");
  }
}
