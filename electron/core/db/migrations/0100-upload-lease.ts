/**
 * Leases on the outbox (see electron/core/outbox/lease.ts), so the desktop app and the
 * `akar upload` CLI draining one shop at the same time never work on the same listing, or
 * send the same photo, at once.
 *
 * `uploads.lease_*`: who is working on the row and until when. The owner is one engine
 * instance (a random id); pid and host let another process on this computer see that a
 * holder was killed and take the row over at once instead of waiting for `lease_until`.
 * All four are set together or all NULL.
 *
 * `remote_image_leases`: a photo (by sha256, per shop) some engine is uploading right now
 * and has not yet recorded in `remote_images`. Rows are deleted when the upload is recorded
 * or fails; one left by a killed process is taken over like a row lease.
 */
export const sql = /* sql */ `
ALTER TABLE uploads ADD COLUMN lease_owner TEXT;
ALTER TABLE uploads ADD COLUMN lease_pid INTEGER CHECK (lease_pid > 0);
ALTER TABLE uploads ADD COLUMN lease_host TEXT;
ALTER TABLE uploads ADD COLUMN lease_until TEXT
  CHECK ((lease_owner IS NULL) = (lease_until IS NULL)
     AND (lease_owner IS NULL) = (lease_pid IS NULL)
     AND (lease_owner IS NULL) = (lease_host IS NULL));

CREATE TABLE remote_image_leases (
  connection_id INTEGER NOT NULL REFERENCES marketplace_connections (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  owner TEXT NOT NULL,
  pid INTEGER NOT NULL CHECK (pid > 0),
  host TEXT NOT NULL,
  until TEXT NOT NULL,
  PRIMARY KEY (connection_id, sha256)
) STRICT, WITHOUT ROWID;
`;
