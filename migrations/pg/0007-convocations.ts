import { Migration } from '@mikro-orm/migrations';

/** 0007 — the convocation register (each letter e-mailed or printed for registered mail, art. 3.87 §3) and the documents a convocation lists. */
export class Migration0007Convocations extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"convocation_delivery\" (\"id\" serial primary key, \"assembly_id\" int not null, \"owner_id\" int not null, \"channel\" varchar(10) not null, \"status\" varchar(8) not null, \"message_id\" varchar(300) null, \"error\" varchar(500) null, \"document_id\" int null, \"at\" timestamptz not null, \"actor\" varchar(120) not null)");
    this.addSql("create index \"convocation_delivery_assembly_id_owner_id_index\" on \"convocation_delivery\" (\"assembly_id\", \"owner_id\")");
    this.addSql("alter table \"convocation_delivery\" add constraint \"convocation_delivery_assembly_id_foreign\" foreign key (\"assembly_id\") references \"assembly\" (\"id\") on update cascade");
    this.addSql("alter table \"convocation_delivery\" add constraint \"convocation_delivery_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade");
    this.addSql("alter table \"assembly\" add column \"convocation_documents\" jsonb null");
  }
}
