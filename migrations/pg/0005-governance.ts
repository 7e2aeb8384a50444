import { Migration } from '@mikro-orm/migrations';

/** 0005 — general assemblies: agenda with majorities, attendance and proxies, votes and their log. */
export class Migration0005Governance extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"assembly\" (\"id\" serial primary key, \"building_id\" int not null, \"kind\" varchar(14) not null, \"session\" varchar(6) not null, \"first_session_id\" int null, \"place\" varchar(200) not null, \"scheduled_at\" timestamptz not null, \"convocation_date\" date null, \"status\" varchar(10) not null, \"opening\" jsonb null, \"opened_at\" timestamptz null, \"closed_at\" timestamptz null, \"chair\" varchar(160) null, \"secretary\" varchar(160) null, \"current_item_id\" int null, \"projector_key\" varchar(64) not null, \"minutes_text\" text null, \"minutes_document_id\" int null, \"archived_at\" timestamptz null, \"created_at\" timestamptz not null)");
    this.addSql("create index \"assembly_building_id_scheduled_at_index\" on \"assembly\" (\"building_id\", \"scheduled_at\")");
    this.addSql("create table \"assembly_attendance\" (\"id\" serial primary key, \"assembly_id\" int not null, \"voter_key\" varchar(80) not null, \"mode\" varchar(8) not null, \"holder\" varchar(200) null, \"from_item\" int not null, \"until_item\" int null, \"updated_at\" timestamptz not null)");
    this.addSql("alter table \"assembly_attendance\" add constraint \"assembly_attendance_assembly_id_voter_key_unique\" unique (\"assembly_id\", \"voter_key\")");
    this.addSql("create table \"agenda_item\" (\"id\" serial primary key, \"assembly_id\" int not null, \"position\" int not null, \"title\" varchar(300) not null, \"text\" text not null, \"majority_rule\" varchar(40) not null, \"majority\" varchar(12) not null, \"voted\" boolean not null, \"status\" varchar(10) not null, \"result\" jsonb null, \"declared_at\" timestamptz null)");
    this.addSql("alter table \"agenda_item\" add constraint \"agenda_item_assembly_id_position_unique\" unique (\"assembly_id\", \"position\")");
    this.addSql("create table \"assembly_person\" (\"id\" serial primary key, \"assembly_id\" int not null, \"name\" varchar(160) not null, \"syndic\" boolean not null)");
    this.addSql("create table \"vote\" (\"id\" serial primary key, \"item_id\" int not null, \"voter_key\" varchar(80) not null, \"choice\" varchar(8) not null, \"recorded_at\" timestamptz not null)");
    this.addSql("alter table \"vote\" add constraint \"vote_item_id_voter_key_unique\" unique (\"item_id\", \"voter_key\")");
    this.addSql("create table \"vote_event\" (\"id\" serial primary key, \"item_id\" int not null, \"batch\" int not null, \"voter_key\" varchar(80) not null, \"from_choice\" varchar(8) null, \"to_choice\" varchar(8) null, \"at\" timestamptz not null, \"actor\" varchar(120) not null, \"undone\" boolean not null)");
    this.addSql("create index \"vote_event_item_id_batch_index\" on \"vote_event\" (\"item_id\", \"batch\")");
    this.addSql("alter table \"assembly\" add constraint \"assembly_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"assembly_attendance\" add constraint \"assembly_attendance_assembly_id_foreign\" foreign key (\"assembly_id\") references \"assembly\" (\"id\") on update cascade");
    this.addSql("alter table \"agenda_item\" add constraint \"agenda_item_assembly_id_foreign\" foreign key (\"assembly_id\") references \"assembly\" (\"id\") on update cascade");
    this.addSql("alter table \"assembly_person\" add constraint \"assembly_person_assembly_id_foreign\" foreign key (\"assembly_id\") references \"assembly\" (\"id\") on update cascade");
    this.addSql("alter table \"vote\" add constraint \"vote_item_id_foreign\" foreign key (\"item_id\") references \"agenda_item\" (\"id\") on update cascade");
    this.addSql("alter table \"vote_event\" add constraint \"vote_event_item_id_foreign\" foreign key (\"item_id\") references \"agenda_item\" (\"id\") on update cascade");
  }
}
