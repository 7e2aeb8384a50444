/**
 * Every command of `koprogo`. main.ts registers each export: adding a command is one line,
 * `export { register as name } from './file.js';`, where the file exports
 * `register(program: Command): void` (see run.ts for options, opening the app and output).
 */
export { register as agMinutes } from './ag-minutes.js';
export { register as agTally } from './ag-tally.js';
export { register as bankImport } from './bank-import.js';
export { register as bankParse } from './bank-parse.js';
export { register as buildingsList } from './buildings-list.js';
export { register as chargesDistribute } from './charges-distribute.js';
export { register as dbBackup } from './db-backup.js';
export { register as dbMigrate } from './db-migrate.js';
export { register as dbRestore } from './db-restore.js';
export { register as dbStatus } from './db-status.js';
export { register as importOwners } from './import-owners.js';
export { register as invoicesList } from './invoices-list.js';
export { register as ledgerExport } from './ledger-export.js';
export { register as ledgerImport } from './ledger-import.js';
export { register as ledgerTrialBalance } from './ledger-trial-balance.js';
export { register as ogmCheck } from './ogm-check.js';
export { register as ogmNew } from './ogm-new.js';
export { register as pvCards } from './pv-cards.js';
export { register as pvSign } from './pv-sign.js';
export { register as pvVerify } from './pv-verify.js';
export { register as seedBench } from './seed-bench.js';
export { register as sepaPayments } from './sepa-payments.js';
export { register as seedDemo } from './seed-demo.js';
