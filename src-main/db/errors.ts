/** Named errors of the data layer; the dispatcher and the CLI map them to codes. */
export class DatabaseNewerError extends Error {
  override name = 'DatabaseNewerError';
  constructor(public readonly unknownMigrations: string[]) {
    super(`This database was written by a newer version of KoproGo (it knows migrations ${unknownMigrations.join(', ')}). Update KoproGo to open it; nothing was changed.`);
  }
}

export class BackupIntegrityError extends Error {
  override name = 'BackupIntegrityError';
  constructor(public readonly file: string, public readonly detail: string) {
    super(`The backup ${file} is damaged (${detail}); nothing was replaced.`);
  }
}
