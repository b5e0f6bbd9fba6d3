-- Chronicle database, version 7: the treaty index holds only events that
-- name a treaty.  Most events name none, and every one of them was an entry
-- of event_treaty (a NULL key) that a writer added and no query reads:
-- "--treaty" and "chronicle treaties" look events up by a treaty id, which
-- a partial index on the events that have one serves as well.
DROP INDEX IF EXISTS event_treaty;
CREATE INDEX event_treaty ON event(treaty_id) WHERE treaty_id IS NOT NULL;
