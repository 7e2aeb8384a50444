import { Migration } from '@mikro-orm/migrations';

/** 0005 — general assemblies: agenda with majorities, attendance and proxies, votes and their log. */
export class Migration0005Governance extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `assembly` (`id` integer not null primary key autoincrement, `building_id` integer not null, `kind` text not null, `session` text not null, `first_session_id` integer null, `place` text not null, `scheduled_at` datetime not null, `convocation_date` date null, `status` text not null, `opening` json null, `opened_at` datetime null, `closed_at` datetime null, `chair` text null, `secretary` text null, `current_item_id` integer null, `projector_key` text not null, `minutes_text` text null, `minutes_document_id` integer null, `archived_at` datetime null, `created_at` datetime not null, constraint `assembly_building_id_foreign` foreign key(`building_id`) references `building`(`id`) on update cascade)");
    this.addSql("create index `assembly_building_id_index` on `assembly` (`building_id`)");
    this.addSql("create index `assembly_building_id_scheduled_at_index` on `assembly` (`building_id`, `scheduled_at`)");
    this.addSql("create table `assembly_attendance` (`id` integer not null primary key autoincrement, `assembly_id` integer not null, `voter_key` text not null, `mode` text not null, `holder` text null, `from_item` integer not null, `until_item` integer null, `updated_at` datetime not null, constraint `assembly_attendance_assembly_id_foreign` foreign key(`assembly_id`) references `assembly`(`id`) on update cascade)");
    this.addSql("create index `assembly_attendance_assembly_id_index` on `assembly_attendance` (`assembly_id`)");
    this.addSql("create unique index `assembly_attendance_assembly_id_voter_key_unique` on `assembly_attendance` (`assembly_id`, `voter_key`)");
    this.addSql("create table `agenda_item` (`id` integer not null primary key autoincrement, `assembly_id` integer not null, `position` integer not null, `title` text not null, `text` text not null, `majority_rule` text not null, `majority` text not null, `voted` integer not null, `status` text not null, `result` json null, `declared_at` datetime null, constraint `agenda_item_assembly_id_foreign` foreign key(`assembly_id`) references `assembly`(`id`) on update cascade)");
    this.addSql("create index `agenda_item_assembly_id_index` on `agenda_item` (`assembly_id`)");
    this.addSql("create unique index `agenda_item_assembly_id_position_unique` on `agenda_item` (`assembly_id`, `position`)");
    this.addSql("create table `assembly_person` (`id` integer not null primary key autoincrement, `assembly_id` integer not null, `name` text not null, `syndic` integer not null, constraint `assembly_person_assembly_id_foreign` foreign key(`assembly_id`) references `assembly`(`id`) on update cascade)");
    this.addSql("create index `assembly_person_assembly_id_index` on `assembly_person` (`assembly_id`)");
    this.addSql("create table `vote` (`id` integer not null primary key autoincrement, `item_id` integer not null, `voter_key` text not null, `choice` text not null, `recorded_at` datetime not null, constraint `vote_item_id_foreign` foreign key(`item_id`) references `agenda_item`(`id`) on update cascade)");
    this.addSql("create index `vote_item_id_index` on `vote` (`item_id`)");
    this.addSql("create unique index `vote_item_id_voter_key_unique` on `vote` (`item_id`, `voter_key`)");
    this.addSql("create table `vote_event` (`id` integer not null primary key autoincrement, `item_id` integer not null, `batch` integer not null, `voter_key` text not null, `from_choice` text null, `to_choice` text null, `at` datetime not null, `actor` text not null, `undone` integer not null, constraint `vote_event_item_id_foreign` foreign key(`item_id`) references `agenda_item`(`id`) on update cascade)");
    this.addSql("create index `vote_event_item_id_index` on `vote_event` (`item_id`)");
    this.addSql("create index `vote_event_item_id_batch_index` on `vote_event` (`item_id`, `batch`)");
  }
}
