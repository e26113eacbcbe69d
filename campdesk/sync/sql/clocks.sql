-- Hybrid logical clocks as the hub keeps them: '<16 hex digits>:<site>', the number being
-- milliseconds << 16 | a counter. Fixed-width hex makes text order (COLLATE "C") time order,
-- then site order: the tie-break every replica agrees on.

CREATE OR REPLACE FUNCTION sync_now_ms() RETURNS bigint LANGUAGE sql VOLATILE AS $f$
  SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $f$;

-- How far ahead of the hub's time a PC's clock may be; a later one is capped to it.
CREATE OR REPLACE FUNCTION sync_clock_tolerance_ms() RETURNS bigint LANGUAGE sql IMMUTABLE AS $f$
  SELECT 300000::bigint $f$;

-- The number of a well-formed clock (see sync_clock_of).
CREATE OR REPLACE FUNCTION sync_clock_value(p_clock text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $f$
  SELECT ('x' || lpad(split_part(p_clock, ':', 1), 16, '0'))::bit(64)::bigint $f$;

CREATE OR REPLACE FUNCTION sync_clock_text(p_value bigint, p_site text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT lpad(to_hex(p_value), 16, '0') || ':' || p_site $f$;

-- When a clock was made, as a moment (NULL for a malformed one).
CREATE OR REPLACE FUNCTION sync_clock_time(p_clock text) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE WHEN p_clock ~ '^[0-7][0-9a-f]{15}:'
              THEN to_timestamp((sync_clock_value(p_clock) >> 16) / 1000.0) AT TIME ZONE 'UTC' END $f$;

-- A clock for a change the hub itself makes (a flag, a status set by an invariant check).
CREATE OR REPLACE FUNCTION sync_hub_clock() RETURNS text LANGUAGE sql VOLATILE AS $f$
  SELECT sync_clock_text((sync_now_ms() << 16) | (nextval('sync_hub_counter') & 65535), 'hub') $f$;

-- A clock a PC sent, as the hub keeps it: its time no later than the hub's time plus the
-- tolerance (a PC set to next year cannot win every conflict), and the site of the PC that
-- sent it (no PC speaks for another). NULL when it is not a clock: 16 lower-case hex digits
-- of a positive 64-bit number, a colon, a site.
CREATE OR REPLACE FUNCTION sync_clock_of(p_clock text, p_site text, p_now_ms bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE WHEN p_clock IS NULL OR p_clock !~ '^[0-7][0-9a-f]{15}:' THEN NULL
              WHEN left(p_clock, 16) COLLATE "C"
                   > lpad(to_hex((p_now_ms + sync_clock_tolerance_ms()) << 16), 16, '0')
              THEN sync_clock_text((p_now_ms + sync_clock_tolerance_ms()) << 16, p_site)
              ELSE left(p_clock, 17) || p_site END $f$;

-- The same, raising for a malformed clock: the change that carries it is quarantined.
CREATE OR REPLACE FUNCTION sync_checked_clock(p_clock text, p_site text, p_now_ms bigint)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE v_clock text := sync_clock_of(p_clock, p_site, p_now_ms);
BEGIN
  IF v_clock IS NULL THEN
    RAISE EXCEPTION 'malformed clock: %', left(coalesce(p_clock, 'NULL'), 40) USING ERRCODE = 'CD006';
  END IF;
  RETURN v_clock;
END $f$;

-- Clocks stored before the hub checked them (hub schema 4 and older): one that is malformed
-- or further ahead than the hub's time plus the tolerance becomes the hub's own clock of
-- now, and the row is written again so that every PC pulls it with its clocks put right.
CREATE OR REPLACE FUNCTION sync_repair_clocks() RETURNS int LANGUAGE plpgsql AS $f$
DECLARE v_now bigint := sync_now_ms(); v_rows int;
BEGIN
  UPDATE sync_row r
     SET clocks = (SELECT jsonb_object_agg(e.key, CASE
                     WHEN sync_clock_of(e.value, split_part(e.value, ':', 2), v_now) = e.value
                     THEN e.value ELSE sync_hub_clock() END)
                     FROM jsonb_each_text(r.clocks) e),
         xid = pg_current_xact_id()::text::bigint, origin = NULL
   WHERE EXISTS (SELECT 1 FROM jsonb_each_text(r.clocks) e
                  WHERE sync_clock_of(e.value, split_part(e.value, ':', 2), v_now)
                        IS DISTINCT FROM e.value);
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  RETURN v_rows;
END $f$;
