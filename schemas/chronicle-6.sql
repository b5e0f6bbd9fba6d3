-- Chronicle database, version 6: each actor keeps how often it is named.
--
-- `chronicle actors` lists how many times each actor is named.  It summed
-- the actor's mention rows through an index (mention_actor) that every
-- article's mentions were written into at random places: a twentieth of the
-- writer's work, and a cost that grew with the database, for one column of
-- one listing.  Now the writer adds each group's counts to actor.mentions
-- when it commits; the mention rows stay, one per actor and item of each
-- article, with their spans, found by article.
ALTER TABLE actor ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
UPDATE actor SET mentions = (SELECT coalesce(sum(count), 0) FROM mention WHERE actor_id = actor.id);
DROP INDEX mention_actor;
