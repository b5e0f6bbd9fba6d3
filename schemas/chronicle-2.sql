-- Chronicle database, version 2: events are written in parts.
--
-- The two date-ordered indexes (event_sort, and event_actor, which keeps
-- each actor's events in date order) take their rows at random places when
-- articles come in any date order, so that every group of articles a writer
-- commits rewrote pages all over them: a cost per article that grew with the
-- database.  Now both lead with a part number: a writer adds events to the
-- newest part until it holds about a million events (see PART_EVENTS in
-- src/store/store.c), then starts the next, so a group touches only the
-- pages of one part's range however large the database is.  A query reads
-- each part in date order and merges them (src/store/query.c); the number
-- of parts grows by one per million events.
--
-- A version-1 database becomes part 0.

CREATE TABLE part (
    id          INTEGER PRIMARY KEY,
    events      INTEGER NOT NULL      -- events written into it
);
INSERT INTO part(id, events) SELECT 0, count(*) FROM event;

ALTER TABLE event ADD COLUMN part INTEGER NOT NULL DEFAULT 0;   -- a part(id)
DROP INDEX event_sort;
CREATE INDEX event_sort ON event(part, sort_date);

-- The actors of each event, in date order per actor within each part.
CREATE TABLE event_actor_2 (
    actor_id    INTEGER NOT NULL REFERENCES actor(id),
    part        INTEGER NOT NULL,
    sort_date   TEXT NOT NULL,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    PRIMARY KEY (actor_id, part, sort_date, event_id, role)
) WITHOUT ROWID;
INSERT INTO event_actor_2(actor_id, part, sort_date, event_id, role)
    SELECT actor_id, 0, sort_date, event_id, role FROM event_actor ORDER BY actor_id, sort_date, event_id, role;
DROP TABLE event_actor;
ALTER TABLE event_actor_2 RENAME TO event_actor;
CREATE INDEX event_actor_event ON event_actor(event_id);
