import { Migration } from '@mikro-orm/migrations';

/** 0002 — ledger: chart of accounts per building, journals, fiscal years, entries and lines. */
export class Migration0002Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"fiscal_year\" (\"id\" serial primary key, \"building_id\" int not null, \"start_date\" date not null, \"end_date\" date not null, \"status\" varchar(8) not null, \"closed_at\" timestamptz null)");
    this.addSql("alter table \"fiscal_year\" add constraint \"fiscal_year_building_id_start_date_unique\" unique (\"building_id\", \"start_date\")");
    this.addSql("create table \"journal\" (\"id\" serial primary key, \"building_id\" int not null, \"code\" varchar(10) not null, \"kind\" varchar(10) not null, \"bank_account_id\" int null)");
    this.addSql("alter table \"journal\" add constraint \"journal_building_id_code_unique\" unique (\"building_id\", \"code\")");
    this.addSql("create table \"journal_entry\" (\"id\" serial primary key, \"building_id\" int not null, \"journal_id\" int not null, \"fiscal_year_id\" int not null, \"number\" int not null, \"date\" date not null, \"description\" varchar(300) not null, \"total_cents\" bigint not null, \"reversal_of_id\" int null, \"reversed_by_id\" int null, \"source_type\" varchar(20) not null, \"source_id\" int null, \"posted_at\" timestamptz not null, \"posted_by\" varchar(120) not null)");
    this.addSql("create index \"journal_entry_building_id_date_index\" on \"journal_entry\" (\"building_id\", \"date\")");
    this.addSql("create index \"journal_entry_source_type_source_id_index\" on \"journal_entry\" (\"source_type\", \"source_id\")");
    this.addSql("alter table \"journal_entry\" add constraint \"journal_entry_journal_id_fiscal_year_id_number_unique\" unique (\"journal_id\", \"fiscal_year_id\", \"number\")");
    this.addSql("create table \"ledger_account\" (\"id\" serial primary key, \"building_id\" int not null, \"code\" varchar(16) not null, \"label_fr\" varchar(200) not null, \"label_nl\" varchar(200) not null, \"type\" varchar(10) not null, \"parent_code\" varchar(16) null, \"owner_id\" int null, \"supplier_id\" int null, \"bank_account_id\" int null, \"from_chart\" boolean not null)");
    this.addSql("alter table \"ledger_account\" add constraint \"ledger_account_building_id_code_unique\" unique (\"building_id\", \"code\")");
    this.addSql("create table \"journal_line\" (\"id\" serial primary key, \"entry_id\" int not null, \"building_id\" int not null, \"fiscal_year_id\" int not null, \"account_id\" int not null, \"date\" date not null, \"debit_cents\" bigint not null, \"credit_cents\" bigint not null, \"label\" varchar(300) null)");
    this.addSql("create index \"journal_line_account_page\" on \"journal_line\" (\"account_id\", \"date\", \"id\")");
    this.addSql("create index \"journal_line_year_account\" on \"journal_line\" (\"fiscal_year_id\", \"account_id\")");
    this.addSql("alter table \"fiscal_year\" add constraint \"fiscal_year_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"journal\" add constraint \"journal_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"journal\" add constraint \"journal_bank_account_id_foreign\" foreign key (\"bank_account_id\") references \"bank_account\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"journal_entry\" add constraint \"journal_entry_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"journal_entry\" add constraint \"journal_entry_journal_id_foreign\" foreign key (\"journal_id\") references \"journal\" (\"id\") on update cascade");
    this.addSql("alter table \"journal_entry\" add constraint \"journal_entry_fiscal_year_id_foreign\" foreign key (\"fiscal_year_id\") references \"fiscal_year\" (\"id\") on update cascade");
    this.addSql("alter table \"ledger_account\" add constraint \"ledger_account_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"ledger_account\" add constraint \"ledger_account_owner_id_foreign\" foreign key (\"owner_id\") references \"owner\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"ledger_account\" add constraint \"ledger_account_bank_account_id_foreign\" foreign key (\"bank_account_id\") references \"bank_account\" (\"id\") on update cascade on delete set null");
    this.addSql("alter table \"journal_line\" add constraint \"journal_line_entry_id_foreign\" foreign key (\"entry_id\") references \"journal_entry\" (\"id\") on update cascade");
    this.addSql("alter table \"journal_line\" add constraint \"journal_line_building_id_foreign\" foreign key (\"building_id\") references \"building\" (\"id\") on update cascade");
    this.addSql("alter table \"journal_line\" add constraint \"journal_line_fiscal_year_id_foreign\" foreign key (\"fiscal_year_id\") references \"fiscal_year\" (\"id\") on update cascade");
    this.addSql("alter table \"journal_line\" add constraint \"journal_line_account_id_foreign\" foreign key (\"account_id\") references \"ledger_account\" (\"id\") on update cascade");
  }
}
