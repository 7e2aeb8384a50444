import { Migration } from '@mikro-orm/migrations';

/** 0004 — distribution keys, calls for funds with their OGM, statements of charges; invoices remember their statement. */
export class Migration0004Charges extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"charge_statement\" (\"id\" serial primary key, \"building_id\" int not null, \"period_start\" date not null, \"period_end\" date not null, \"date\" date not null, \"charges_cents\" bigint not null, \"provisions_cents\" bigint not null, \"entry_id\" int null, \"created_at\" timestamptz not null)");
    this.addSql("alter table \"charge_statement\" add constraint \"charge_statement_building_id_period_start_unique\" unique (\"building_id\", \"period_start\")");
    this.addSql("create table \"distribution_key\" (\"id\" serial primary key, \"building_id\" int not null, \"name\" varchar(100) not null, \"created_at\" timestamptz not null)");
    this.addSql("alter table \"distribution_key\" add constraint \"distribution_key_building_id_name_unique\" unique (\"building_id\", \"name\")");
    this.addSql("create table \"fund_call\" (\"id\" serial primary key, \"building_id\" int not null, \"kind\" varchar(8) not null, \"label\" varchar(60) not null, \"call_date\" date not null, \"due_date\" date not null, \"total_cents\" bigint not null, \"key_id\" int null, \"entry_id\" int null, \"created_at\" timestamptz not null)");
    this.addSql("create index \"fund_call_building_id_call_date_index\" on \"fund_call\" (\"building_id\", \"call_date\")");
    this.addSql("create table \"distribution_key_weight\" (\"key_id\" int not null, \"lot_id\" int not null, \"weight\" int not null, constraint \"distribution_key_weight_pkey\" primary key (\"key_id\", \"lot_id\"))");
    this.addSql("create table \"fund_call_line\" (\"id\" serial primary key, \"call_id\" int not null, \"owner_id\" int not null, \"amount_cents\" bigint not null, \"ogm\" varchar(12) not null)");
    this.addSql("alter table \"fund_call_line\" add constraint \"fund_call_line_ogm_unique\" unique (\"ogm\")");
    this.addSql("create table \"charge_statement_line\" (\"id\" serial primary key, \"statement_id\" int not null, \"owner_id\" int not null, \"charges_cents\" bigint not null, \"provisions_cents\" bigint not null)");
    this.addSql("alter table \"charge_statement\" add constraint \"charge_statement_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"distribution_key\" add constraint \"distribution_key_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"fund_call\" add constraint \"fund_call_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"distribution_key_weight\" add constraint \"distribution_key_weight_key_id_foreign\" foreign key (\"key_id\") references \"distribution_key\" (\"id\") on update cascade on delete cascade");
    this.addSql("alter table \"distribution_key_weight\" add constraint \"distribution_key_weight_lot_id_foreign\" foreign key (\"lot_id\") references \"lot\" (\"id\") on update cascade");
    this.addSql("alter table \"fund_call_line\" add constraint \"fund_call_line_call_id_foreign\" foreign key (\"call_id\") references \"fund_call\" (\"id\") on update cascade");
    this.addSql("alter table \"fund_call_line\" add constraint \"fund_call_line_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade");
    this.addSql("alter table \"charge_statement_line\" add constraint \"charge_statement_line_statement_id_foreign\" foreign key (\"statement_id\") references \"charge_statement\" (\"id\") on update cascade");
    this.addSql("alter table \"charge_statement_line\" add constraint \"charge_statement_line_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade");
    this.addSql("alter table \"invoice\" add column \"statement_id\" int null");
  }
}
