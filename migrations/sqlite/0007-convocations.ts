import { Migration } from '@mikro-orm/migrations';

/**
 * 0007 — the convocation register (each letter e-mailed or printed for registered mail,
 * art. 3.87 §3) and the documents a convocation lists. (0006 is PostgreSQL's foreign-key
 * indexes, which SQLite does not need; the number is kept the same on both drivers.)
 */
export class Migration0007Convocations extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `convocation_delivery` (`id` integer not null primary key autoincrement, `assembly_id` integer not null, `owner_id` integer not null, `channel` text not null, `status` text not null, `message_id` text null, `error` text null, `document_id` integer null, `at` datetime not null, `actor` text not null, constraint `convocation_delivery_assembly_id_foreign` foreign key(`assembly_id`) references `assembly`(`id`) on update cascade, constraint `convocation_delivery_owner_id_foreign` foreign key(`owner_id`) references `owner`(`id`) on update cascade)");
    this.addSql("create index `convocation_delivery_assembly_id_index` on `convocation_delivery` (`assembly_id`)");
    this.addSql("create index `convocation_delivery_owner_id_index` on `convocation_delivery` (`owner_id`)");
    this.addSql("create index `convocation_delivery_assembly_id_owner_id_index` on `convocation_delivery` (`assembly_id`, `owner_id`)");
    this.addSql("alter table `assembly` add column `convocation_documents` json null");
  }
}
