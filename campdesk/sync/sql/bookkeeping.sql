-- The hub's bookkeeping tables: the merge state beside the business tables.
-- Every statement can run again: `campdesk hub init` upgrades a hub in place.

CREATE TABLE IF NOT EXISTS sync_meta (key text PRIMARY KEY, value text NOT NULL);

-- One line per PC (site) that ever said hello.
CREATE TABLE IF NOT EXISTS sync_client (
    client_id text PRIMARY KEY,
    last_mutation bigint NOT NULL DEFAULT 0,
    schema_version int NOT NULL,
    app_version text,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now()
);
-- Hub schema 5: the site is bound to the PC that holds its token. The hub keeps only a
-- hash of the token the PC proposed at its last hello; a copy of the PC's data folder holds
-- an older one and is told to become a new site. NULL: a PC of hub schema 4 or older that
-- has not proved itself yet (its first hello of schema 5 binds it).
ALTER TABLE sync_client ADD COLUMN IF NOT EXISTS secret bytea;
-- The database login that last spoke for the site (an unbound site answers only to it).
ALTER TABLE sync_client ADD COLUMN IF NOT EXISTS login text;
-- The PC's name, shown beside the values it made under "needs attention".
ALTER TABLE sync_client ADD COLUMN IF NOT EXISTS pc_name text;

-- One line per row of every synced table: its field clocks, whether it is deleted
-- (a tombstone), and the transaction that last wrote it (the pull watermark's key).
CREATE TABLE IF NOT EXISTS sync_row (
    tbl text NOT NULL,
    id text NOT NULL,
    clocks jsonb NOT NULL DEFAULT '{}',
    deleted boolean NOT NULL DEFAULT false,
    xid bigint NOT NULL,
    PRIMARY KEY (tbl, id)
);
CREATE INDEX IF NOT EXISTS sync_row_xid ON sync_row (xid, tbl, id);
-- The last content of a deleted row, so that an edit that lost to the delete is recoverable.
ALTER TABLE sync_row ADD COLUMN IF NOT EXISTS last_data jsonb;
-- The PC whose new row the hub took exactly as sent; that PC's pull skips it (it has it).
-- Any later write to the row (a merge, a check, an administrator) clears it.
ALTER TABLE sync_row ADD COLUMN IF NOT EXISTS origin text;
CREATE INDEX IF NOT EXISTS sync_row_deleted ON sync_row (tbl) WHERE deleted;

CREATE TABLE IF NOT EXISTS sync_fk (child text, col text, parent text, PRIMARY KEY (child, col));
CREATE SEQUENCE IF NOT EXISTS sync_hub_counter;
