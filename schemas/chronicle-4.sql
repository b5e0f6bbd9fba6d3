-- Chronicle database, version 4: less work for every event row a writer adds.
--
-- event's CHECK on basis was written as an IN over three values, which
-- SQLite 3.40 evaluates by building a temporary index of the three values,
-- probing it and dropping it, for every row inserted: more than half of
-- what storing an event cost.  The same condition written with OR is three
-- comparisons.  A CHECK constraint is not part of how rows are stored, so
-- the table's SQL is rewritten in place, the way SQLite's documentation on
-- ALTER TABLE describes for changing such constraints without rebuilding
-- the table; every row meets the new condition since it is the old one.
-- A connection opened before keeps the old text until it next reads the
-- schema, which changes only its speed.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (basis IN (''stated'', ''reported'', ''unknown''))',
                      'CHECK (basis = ''stated'' OR basis = ''reported'' OR basis = ''unknown'')')
    WHERE type = 'table' AND name = 'event';
PRAGMA writable_schema = RESET;

