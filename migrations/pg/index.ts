import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Initial } from './0001-initial.js';
import { Migration0002Ledger } from './0002-ledger.js';
import { Migration0003Invoices } from './0003-invoices.js';
import { Migration0004Charges } from './0004-charges.js';
import { Migration0005Governance } from './0005-governance.js';
import { Migration0006ForeignKeyIndexes } from './0006-foreign-key-indexes.js';
import { Migration0007Convocations } from './0007-convocations.js';
import { Migration0008Banking } from './0008-banking.js';

/**
 * Forward-only, numbered. A name here is never changed or removed: a database that has
 * run a migration this list does not know was written by a newer version.
 */
export const pgMigrations: MigrationObject[] = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0002-ledger', class: Migration0002Ledger },
  { name: '0003-invoices', class: Migration0003Invoices },
  { name: '0004-charges', class: Migration0004Charges },
  { name: '0005-governance', class: Migration0005Governance },
  { name: '0006-foreign-key-indexes', class: Migration0006ForeignKeyIndexes },
  { name: '0007-convocations', class: Migration0007Convocations },
  { name: '0008-banking', class: Migration0008Banking },
];
