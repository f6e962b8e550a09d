/** Start-up fails with messages an operator can act on. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';
import { StartupError, checkConnection, openDatabase } from '../../server/src/platform/db';

describe('start-up', () => {
  it('lists every configuration problem at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BASE_URL: 'ftp://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'PORT must be a whole number between 0 and 65535 (got "eighty").',
        'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded SQLite database).',
      ]);
    }
  });

  it('says which data directory cannot be written', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-')), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    expect(() => openDatabase({ databaseUrl: null, dataDir: path.join(file, 'data') })).toThrow(/data directory .* cannot be created or written to.*DATA_DIR/);
  });

  it('says when PostgreSQL cannot be reached, without printing the password', async () => {
    const url = 'postgres://tandem:s3cret@127.0.0.1:1/tandem';
    const db = openDatabase({ databaseUrl: url });
    const error = await checkConnection(db, url).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/Cannot connect to the database at postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:1\/tandem/);
    expect(error.message).not.toContain('s3cret');
    await db.destroy();
  });

  it('exits non-zero with the message when started with a bad DATABASE_URL', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env: { ...process.env, BASE_URL: '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Cannot connect to the database/);
  });
});
