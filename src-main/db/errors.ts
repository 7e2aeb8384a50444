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

/** A restore was refused before anything was replaced: the file is not a backup this version can use. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError';
  constructor(public readonly file: string, public readonly reason: 'missing' | 'not_koprogo' | 'newer' | 'wal_beside' | 'same_file', message: string) {
    super(message);
  }
}

/** Another program (the desktop app, a second CLI, a SQLite browser) has the database open. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  constructor(public readonly file: string) {
    super(`The database ${file} is in use by another program (is KoproGo open?). Close it and try again; nothing was changed.`);
  }
}
