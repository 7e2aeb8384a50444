import { Migration } from '@mikro-orm/migrations';

/** 0001 — portfolio (firm, buildings, bank accounts, lots, owners, ownerships), users, roles, audit, settings. */
export class Migration0001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"audit_record\" (\"id\" serial primary key, \"at\" timestamptz not null, \"actor\" varchar(120) not null, \"action\" varchar(60) not null, \"entity\" varchar(40) not null, \"entity_id\" int null, \"before\" jsonb null, \"after\" jsonb null)");
    this.addSql("create index \"audit_record_entity_entity_id_index\" on \"audit_record\" (\"entity\", \"entity_id\")");
    this.addSql("create table \"building\" (\"id\" serial primary key, \"name\" varchar(120) not null, \"street\" varchar(200) not null, \"postal_code\" varchar(12) not null, \"city\" varchar(100) not null, \"country\" varchar(2) not null, \"bce\" varchar(10) null, \"total_shares\" int not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null)");
    this.addSql("create index \"building_name_index\" on \"building\" (\"name\")");
    this.addSql("create table \"bank_account\" (\"id\" serial primary key, \"building_id\" int not null, \"iban\" varchar(34) not null, \"label\" varchar(100) not null, \"purpose\" varchar(10) not null)");
    this.addSql("alter table \"bank_account\" add constraint \"bank_account_iban_unique\" unique (\"iban\")");
    this.addSql("create table \"firm\" (\"id\" serial primary key, \"name\" varchar(160) not null, \"bce\" varchar(10) null, \"street\" varchar(200) null, \"postal_code\" varchar(12) null, \"city\" varchar(100) null, \"country\" varchar(2) null, \"ipi_number\" varchar(20) null, \"email\" varchar(254) null, \"phone\" varchar(40) null)");
    this.addSql("create table \"lot\" (\"id\" serial primary key, \"building_id\" int not null, \"number\" varchar(20) not null, \"kind\" varchar(12) not null, \"floor\" int null, \"shares\" int not null)");
    this.addSql("alter table \"lot\" add constraint \"lot_building_id_number_unique\" unique (\"building_id\", \"number\")");
    this.addSql("create table \"owner\" (\"id\" serial primary key, \"kind\" varchar(8) not null, \"name\" varchar(160) not null, \"first_name\" varchar(100) null, \"bce\" varchar(10) null, \"street\" varchar(200) not null, \"postal_code\" varchar(12) not null, \"city\" varchar(100) not null, \"country\" varchar(2) not null, \"language\" varchar(2) not null, \"email\" varchar(254) null, \"email_consent\" boolean not null, \"email_consent_at\" timestamptz null, \"phone\" varchar(40) null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null)");
    this.addSql("create index \"owner_name_index\" on \"owner\" (\"name\")");
    this.addSql("create table \"ownership\" (\"id\" serial primary key, \"lot_id\" int not null, \"owner_id\" int not null, \"fraction_num\" int not null, \"fraction_den\" int not null, \"valid_from\" date not null, \"valid_to\" date null)");
    this.addSql("create index \"ownership_lot_id_valid_to_index\" on \"ownership\" (\"lot_id\", \"valid_to\")");
    this.addSql("create index \"ownership_owner_id_index\" on \"ownership\" (\"owner_id\")");
    this.addSql("create table \"setting\" (\"key\" varchar(80) not null, \"value\" jsonb not null, constraint \"setting_pkey\" primary key (\"key\"))");
    this.addSql("create table \"app_user\" (\"id\" serial primary key, \"email\" varchar(254) not null, \"display_name\" varchar(120) not null, \"language\" varchar(2) not null, \"password_hash\" varchar(300) not null, \"active\" boolean not null, \"created_at\" timestamptz not null)");
    this.addSql("alter table \"app_user\" add constraint \"app_user_email_unique\" unique (\"email\")");
    this.addSql("create table \"role_assignment\" (\"id\" serial primary key, \"user_id\" int not null, \"role\" varchar(12) not null, \"building_id\" int null, \"owner_id\" int null)");
    this.addSql("alter table \"bank_account\" add constraint \"bank_account_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade on delete cascade");
    this.addSql("alter table \"lot\" add constraint \"lot_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"ownership\" add constraint \"ownership_lot_id_foreign\" foreign key (\"lot_id\") references \"lot\" (\"id\") on update cascade");
    this.addSql("alter table \"ownership\" add constraint \"ownership_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade");
    this.addSql("alter table \"role_assignment\" add constraint \"role_assignment_user_id_foreign\" foreign key (\"user_id\") references \"app_user\" (\"id\") on update cascade on delete cascade");
    this.addSql("alter table \"role_assignment\" add constraint \"role_assignment_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"role_assignment\" add constraint \"role_assignment_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade on delete set null");
  }
}
