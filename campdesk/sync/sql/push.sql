-- A PC's hello and push: who it is, and its changes merged one batch at a time.
-- Hub schema 5. The entry points older PCs call are in compat.sql.

CREATE OR REPLACE FUNCTION sync_meta_int(p_key text) RETURNS int LANGUAGE sql STABLE AS $f$
  SELECT value::int FROM sync_meta WHERE key = p_key $f$;

CREATE OR REPLACE FUNCTION sync_gate(p_schema int) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  IF p_schema < sync_meta_int('min_client_schema') THEN
    RAISE EXCEPTION 'client schema % is older than the hub requires (%)', p_schema,
      sync_meta_int('min_client_schema') USING ERRCODE = 'CD001';
  END IF;
END $f$;

-- What every hello answers; p_last, the last change of the PC the hub has merged.
CREATE OR REPLACE FUNCTION sync_answer(p_last bigint) RETURNS jsonb LANGUAGE sql STABLE AS $f$
  SELECT jsonb_build_object(
    'server_now_ms', sync_now_ms(), 'last_mutation', p_last,
    'hub_schema', sync_meta_int('hub_schema'), 'min_client_schema', sync_meta_int('min_client_schema'),
    'generation', (SELECT value FROM sync_meta WHERE key = 'generation')) $f$;

-- A hub database restored into another PostgreSQL (pg_dump to a new server) keeps its rows'
-- transaction ids but not the server's counter: new changes would get lower ids than rows
-- already there, and PCs, which pull from the id they reached, would never see them. Seen at
-- a hello (before anything is read): renumber every row to now and start a new generation,
-- so that every PC reads the hub again from the start and replays what it has not sent.
CREATE OR REPLACE FUNCTION sync_check_restored() RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT sync_rows_ahead() THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('campdesk sync_check_restored'));
  IF sync_rows_ahead() THEN  -- not done by another hello
    UPDATE sync_row SET xid = pg_current_xact_id()::text::bigint;
    UPDATE sync_meta SET value = gen_random_uuid()::text WHERE key = 'generation';
  END IF;
END $f$;

-- Does a row carry a transaction id this server has not reached (one index lookup)? The
-- highest id is compared with the xmax of the same statement's snapshot: every transaction
-- whose rows the statement sees committed before it, so below its xmax. Comparing with the
-- caller's own id instead would take a push that got a later id and committed first (READ
-- COMMITTED sees it) for a restore. Rows of the caller's own transaction are left out.
CREATE OR REPLACE FUNCTION sync_rows_ahead() RETURNS boolean LANGUAGE sql VOLATILE AS $f$
  SELECT coalesce(max(xid), 0) >= pg_snapshot_xmax(pg_current_snapshot())::text::bigint
    FROM sync_row
   WHERE xid IS DISTINCT FROM pg_current_xact_id_if_assigned()::text::bigint $f$;

CREATE OR REPLACE FUNCTION sync_token_hash(p_token text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $f$
  SELECT sha256(convert_to(p_token, 'UTF8')) $f$;

-- May the caller speak for the site c? Yes if it shows the token the site holds (or one of
-- p_known, tokens it proposed at hellos whose answer it never got); a site not bound to a
-- token yet (registered by a PC of hub schema 4 or older) answers to the login that last
-- spoke for it.
CREATE OR REPLACE FUNCTION sync_speaks_for(c sync_client, p_known text[]) RETURNS boolean
LANGUAGE sql STABLE AS $f$
  SELECT coalesce(CASE WHEN c.secret IS NOT NULL
                       THEN c.secret = ANY (SELECT sync_token_hash(k) FROM unnest(p_known) k
                                             WHERE k IS NOT NULL)
                       ELSE c.login IS NULL OR c.login = session_user END, false) $f$;

-- The site's row, locked; registered first if it is new. Two PCs registering the same new
-- site at once queue here: the second finds the first's row and token.
CREATE OR REPLACE FUNCTION sync_site(p_client text, p_schema int, p_app text) RETURNS sync_client
LANGUAGE plpgsql AS $f$
DECLARE c sync_client;
BEGIN
  IF p_client IS NULL OR p_client = '' OR length(p_client) > 40 OR p_client = 'hub'
     OR p_client ~ '[:\s]' THEN
    RAISE EXCEPTION 'not a site id: %', left(p_client, 60) USING ERRCODE = 'CD002';
  END IF;
  INSERT INTO sync_client (client_id, schema_version, app_version, login)
  VALUES (p_client, p_schema, p_app, session_user) ON CONFLICT (client_id) DO NOTHING;
  SELECT * INTO c FROM sync_client WHERE client_id = p_client FOR UPDATE;
  RETURN c;
END $f$;

-- Hub schema 5. p_known: the token this PC's site holds, and those it proposed since (see
-- sync_speaks_for); p_next: the token it holds from now on, made and kept by the PC before
-- it asked. A PC that cannot show the site's token is a copy of another PC's data folder (or
-- a forgery): it is answered {"identity": "taken"} and nothing changes; the PC then goes on
-- under a new site id of its own.
CREATE OR REPLACE FUNCTION sync_hello(p_client text, p_schema int, p_app text, p_known text[],
    p_next text, p_pc_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE c sync_client;
BEGIN
  IF coalesce(length(p_next), 0) < 32 THEN
    RAISE EXCEPTION 'a new token of 32 characters or more is required' USING ERRCODE = 'CD002';
  END IF;
  PERFORM sync_check_restored();
  c := sync_site(p_client, p_schema, p_app);
  IF NOT sync_speaks_for(c, p_known) THEN
    RETURN sync_answer(NULL) || '{"identity": "taken"}';
  END IF;
  UPDATE sync_client SET secret = sync_token_hash(p_next), login = session_user,
         pc_name = left(p_pc_name, 100), schema_version = p_schema, app_version = p_app,
         last_seen = now()
   WHERE client_id = p_client;
  RETURN sync_answer(c.last_mutation) || '{"identity": "ok"}';
END $f$;

-- What a connection test may ask without registering anything.
CREATE OR REPLACE FUNCTION sync_info() RETURNS jsonb LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT jsonb_build_object('server_now_ms', sync_now_ms(),
    'hub_schema', sync_meta_int('hub_schema'), 'min_client_schema', sync_meta_int('min_client_schema')) $f$;

-- New rows that nothing else in the batch touches (the bulk of any sync: consultations,
-- sessions, history) are inserted set-wise, one statement per table. Companies and space
-- assignments always take the row-by-row path: their invariants depend on arrival order.
-- Their clocks were checked when they were staged (sync_stage_repeats).
CREATE OR REPLACE FUNCTION sync_insert_fresh(p_client text, p_now bigint) RETURNS int LANGUAGE plpgsql AS $f$
DECLARE v_tbl text; fk record; v_child text; v_flags int := 0;
  -- as sync_clock_of, for clocks known to be well-formed: the cap worked out once
  v_limit text := lpad(to_hex((p_now + sync_clock_tolerance_ms()) << 16), 16, '0');
BEGIN
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh LOOP
    PERFORM sync_insert_new(v_tbl);
  END LOOP;
  INSERT INTO sync_row (tbl, id, clocks, deleted, xid, origin)
  SELECT tbl, id, jsonb_build_object('*', CASE WHEN left(clock, 16) COLLATE "C" > v_limit
                                               THEN v_limit ELSE left(clock, 16) END
                                          || ':' || p_client),
         false, pg_current_xact_id()::text::bigint, p_client
    FROM pg_temp.sync_stage WHERE fresh;
  FOR fk IN SELECT f.child, f.col, f.parent FROM sync_fk f
             WHERE f.child IN (SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh)
               AND EXISTS (SELECT 1 FROM sync_row d WHERE d.tbl = f.parent AND d.deleted) LOOP
    FOR v_child, v_tbl IN EXECUTE format(
      'SELECT s.id, r.id FROM pg_temp.%I s JOIN pg_temp.sync_stage b ON b.seq = s.sync_seq AND b.fresh '
      '  JOIN sync_row r ON r.tbl = $1 AND r.id = s.%I::text AND r.deleted',
      'sync_new_' || fk.child, fk.col) USING fk.parent LOOP
      v_flags := v_flags + sync_flag('orphan', fk.child, v_child, fk.col, v_tbl, NULL, NULL, NULL,
          NULL, 'points at a deleted ' || fk.parent, sync_pair_id('orphan', v_child, v_tbl));
    END LOOP;
  END LOOP;
  RETURN v_flags;
END $f$;

-- A row changed twice in one batch, or a new row whose clock is not one, is merged change
-- by change, in order (where a bad clock is quarantined).
CREATE OR REPLACE FUNCTION sync_stage_repeats() RETURNS void LANGUAGE sql AS $f$
  UPDATE pg_temp.sync_stage SET fresh = false
   WHERE fresh AND ((tbl, id) IN (SELECT tbl, id FROM pg_temp.sync_stage GROUP BY tbl, id
                                  HAVING count(*) > 1)
                    OR clock IS NULL OR clock !~ '^[0-7][0-9a-f]{15}:') $f$;

-- Parse a batch into the session's sync_stage, and its fresh rows into typed tables (see
-- sync_stage_new). Fresh: a new row, inserted set-wise (see sync_insert_fresh) if the hub
-- has never seen it, which sync_apply_staged checks under the push lock. With p_safe,
-- nothing is fresh. Patches stay json (text) here: one the hub cannot read is quarantined
-- when it is merged, not refused with the whole batch.
CREATE OR REPLACE FUNCTION sync_stage_batch(p_batch json, p_safe boolean) RETURNS void
LANGUAGE plpgsql AS $f$
DECLARE v_tbl text;
BEGIN
  IF NOT sync_own_temp('sync_stage') THEN
    CREATE TEMP TABLE sync_stage (seq bigint PRIMARY KEY, tbl text, id text, op text,
        patch json, base json, clock text, fresh boolean, typed boolean NOT NULL DEFAULT false)
        ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE pg_temp.sync_stage;
  BEGIN
    INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, patch, base, clock, fresh)
    SELECT x.seq, x.tbl, x.id, x.op, x.patch, x.base, x.clock,
           NOT p_safe AND x.op = 'upsert' AND x.tbl <> ALL (sync_ordered_tables())
           AND x.tbl = ANY (sync_tables()) AND x.id IS NOT NULL
      FROM json_to_recordset(p_batch) AS x(seq bigint, tbl text, id text, op text, patch json,
                                           base json, clock text);
  EXCEPTION WHEN untranslatable_character OR invalid_text_representation THEN
    -- A value no PostgreSQL text can hold (a NUL character): no field of the batch can be
    -- read as it is. Each change is read from a copy without such values; one that holds
    -- them keeps itself as its patch, which cannot be read, so it is quarantined.
    INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, patch, base, clock, fresh)
    SELECT x.seq, x.tbl, x.id, x.op, CASE WHEN sync_readable(e) THEN x.patch ELSE e END,
           x.base, x.clock, false
      FROM json_array_elements(p_batch) e,
           json_to_record(sync_json_safe(e)) AS x(seq bigint, tbl text, id text, op text,
                                                  patch json, base json, clock text);
  END;
  PERFORM sync_stage_repeats();
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE fresh LOOP
    BEGIN
      PERFORM sync_stage_new(v_tbl);
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE = 'CD004' THEN RAISE; END IF;
      -- A value a column cannot take: merged change by change, where it is quarantined.
      UPDATE pg_temp.sync_stage SET fresh = false WHERE tbl = v_tbl;
    END;
  END LOOP;
END $f$;

-- The same for a batch sent in two parts (hub schema 4 on): p_changes, an array of changes
-- as above; and the batch's new rows, p_rows[i] a JSON array of the new rows of table
-- p_tables[i], each a flat object of the row's fields with its id, sync_seq and sync_clock.
-- These are parsed once, straight into their typed tables, and staged without a patch (see
-- sync_new_patches). A value a column cannot take: each row is staged with itself as its
-- patch instead (sync_apply leaves the id and staging fields out).
CREATE OR REPLACE FUNCTION sync_stage_split(p_changes json, p_tables text[], p_rows text[],
    p_safe boolean) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM sync_stage_batch(p_changes, true);  -- updates, deletes: merged change by change
  FOR i IN 1..coalesce(array_length(p_tables, 1), 0) LOOP
    BEGIN
      PERFORM sync_stage_rows(p_tables[i], p_rows[i]::json, p_safe);
    EXCEPTION WHEN OTHERS THEN
      IF SQLSTATE = 'CD004' THEN RAISE; END IF;
      INSERT INTO pg_temp.sync_stage (seq, tbl, id, op, patch, base, clock, fresh)
      SELECT (x->>'sync_seq')::bigint, p_tables[i], x->>'id', 'upsert', e, NULL,
             x->>'sync_clock', false
        FROM json_array_elements(p_rows[i]::json) e, sync_json_safe(e) x;
    END;
  END LOOP;
  PERFORM sync_stage_repeats();
END $f$;

-- Apply the staged changes above p_last, under the push lock; returns {last, applied,
-- flagged}. With p_safe, each change runs in its own subtransaction and one the hub cannot
-- apply is quarantined.
CREATE OR REPLACE FUNCTION sync_apply_staged(p_client text, p_last bigint, p_now bigint,
    p_safe boolean) RETURNS jsonb LANGUAGE plpgsql AS $f$
DECLARE b record; v_applied int := 0; v_flags int := 0; v_last bigint; v_tbl text;
BEGIN
  DELETE FROM pg_temp.sync_stage WHERE seq <= p_last;  -- merged before: a batch sent again
  -- A row the hub has seen (perhaps written by a push that took the lock while this batch
  -- was being staged) is merged, not inserted.
  UPDATE pg_temp.sync_stage s SET fresh = false
   WHERE fresh AND EXISTS (SELECT 1 FROM sync_row r WHERE r.tbl = s.tbl AND r.id = s.id);
  SELECT coalesce(max(seq), p_last), count(*) INTO v_last, v_applied FROM pg_temp.sync_stage;
  v_flags := sync_insert_fresh(p_client, p_now);
  FOR v_tbl IN SELECT DISTINCT tbl FROM pg_temp.sync_stage WHERE typed AND NOT fresh LOOP
    PERFORM sync_new_patches(v_tbl);
  END LOOP;
  FOR b IN SELECT seq, tbl, id, op, patch, base, clock FROM pg_temp.sync_stage
            WHERE NOT fresh ORDER BY seq LOOP
    IF p_safe THEN
      BEGIN
        v_flags := v_flags + sync_apply(sync_change(b.seq, b.tbl, b.id, b.op, b.patch, b.base,
                                                    b.clock), p_client, p_now);
      EXCEPTION WHEN OTHERS THEN
        -- Quarantine: one change the hub cannot apply must not block the ones behind it.
        v_flags := v_flags + sync_reject(b.seq, b.tbl, b.id, b.op, b.patch, b.base, b.clock,
                                         p_client, SQLERRM);
      END;
    ELSE
      v_flags := v_flags + sync_apply(sync_change(b.seq, b.tbl, b.id, b.op, b.patch, b.base,
                                                  b.clock), p_client, p_now);
    END IF;
  END LOOP;
  RETURN jsonb_build_object('last', v_last, 'applied', v_applied, 'flagged', v_flags);
END $f$;

-- Hub schema 5: the batch in two parts, its new rows apart (see sync_stage_split), from the
-- PC that holds the site's token p_token (see sync_hello).
CREATE OR REPLACE FUNCTION sync_push(p_client text, p_token text, p_schema int,
    p_changes json, p_tables text[], p_rows text[], p_after bigint)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
BEGIN
  PERFORM sync_gate(p_schema);
  PERFORM set_config('campdesk.base_is_insert', 'on', true);  -- see sync_apply
  PERFORM sync_stage_split(p_changes, p_tables, p_rows, false);
  RETURN sync_merge_staged(p_client, p_after, ARRAY[p_token]);
END $f$;

-- Merge the staged batch once the one before it (up to p_after) has been merged, if the
-- caller speaks for the site (p_known: its token; NULL from a PC of hub schema 4 or older).
-- p_after: the last change of the batch sent before this one (hub schema 3 on). The batch is
-- parsed before the push lock is taken, so a PC may send its next batch on a second
-- connection while the hub merges this one; if that one failed, this one is refused
-- (CD003) rather than skipping over it. NULL: no such check (a PC of hub schema 2 or older).
CREATE OR REPLACE FUNCTION sync_merge_staged(p_client text, p_after bigint, p_known text[])
RETURNS jsonb LANGUAGE plpgsql AS $f$
DECLARE c sync_client; v_now bigint; r jsonb;
BEGIN
  -- The batch before may still be on its way, or parsed and waiting for the lock: give it
  -- two seconds to arrive (each look sees what has committed since).
  FOR i IN 1..2000 LOOP
    EXIT WHEN p_after IS NULL OR (SELECT s.last_mutation >= p_after FROM sync_client s
                                   WHERE s.client_id = p_client) IS NOT FALSE;
    PERFORM pg_sleep(0.001);
  END LOOP;
  PERFORM pg_advisory_xact_lock(sync_push_lock_key());
  PERFORM set_config('campdesk.merging', 'on', true);
  v_now := sync_now_ms();
  SELECT * INTO c FROM sync_client WHERE client_id = p_client FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown client %: say hello first', p_client USING ERRCODE = 'CD002';
  END IF;
  IF NOT sync_speaks_for(c, p_known) THEN
    RAISE EXCEPTION 'site % belongs to another PC: its changes are refused', p_client
      USING ERRCODE = 'CD005';
  END IF;
  IF c.last_mutation < p_after THEN
    RAISE EXCEPTION 'the batch before this one (up to change %) has not arrived', p_after
      USING ERRCODE = 'CD003';
  END IF;
  BEGIN
    r := sync_apply_staged(p_client, c.last_mutation, v_now, false);  -- the usual case
  EXCEPTION WHEN OTHERS THEN
    UPDATE pg_temp.sync_stage SET fresh = false;  -- find the poison, change by change
    r := sync_apply_staged(p_client, c.last_mutation, v_now, true);
  END;
  UPDATE sync_client SET last_mutation = (r->>'last')::bigint, last_seen = now()
   WHERE client_id = p_client;
  IF (r->>'applied')::int > 0 THEN PERFORM pg_notify('campdesk_sync', p_client); END IF;
  PERFORM set_config('campdesk.merging', 'off', true);
  RETURN jsonb_build_object('acked_seq', (r->>'last')::bigint, 'applied', r->'applied',
                            'flagged', r->'flagged', 'server_now_ms', v_now);
END $f$;

-- The session's advisory lock key under which pushes are merged one at a time.
CREATE OR REPLACE FUNCTION sync_push_lock_key() RETURNS bigint LANGUAGE sql IMMUTABLE AS $f$
  SELECT 73102026::bigint $f$;
