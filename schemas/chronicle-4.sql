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
-- The DROP INDEX statements below change the schema cookie, so that other
-- connections read the new text when they next use the database.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'CHECK (basis IN (''stated'', ''reported'', ''unknown''))',
                      'CHECK (basis = ''stated'' OR basis = ''reported'' OR basis = ''unknown'')')
    WHERE type = 'table' AND name = 'event';
PRAGMA writable_schema = RESET;

-- Indexes that every row of their table kept up to date and that no query
-- reads (src/store/query.c looks statements, sentences, sources and treaty
-- rows up by their own keys, never by article or speaker).  They could only
-- serve the deletion of an article or an actor, which Chronicle never does;
-- such a deletion by hand still works, by reading these tables through.
DROP INDEX IF EXISTS statement_speaker;
DROP INDEX IF EXISTS statement_article;
DROP INDEX IF EXISTS sentence_article;
DROP INDEX IF EXISTS event_source_article;
DROP INDEX IF EXISTS treaty_mention_article;
DROP INDEX IF EXISTS treaty_article_article;

