-- Chronicle database, version 3: the sound keys of people's names.
--
-- A person the gazetteer does not know gets the name an article gives it,
-- in that article's script: "ميخائيل غالوزين" in an Arabic article,
-- "Mikhail Galuzin" in an English one.  Both names have one sound key (their
-- consonants in the classes of src/lang/actors/sounds.txt: MKLGLZN), and a
-- writer that meets a new person whose key and country are an existing
-- person's takes that person, adding the new spelling to its aliases.
-- Keys of fewer than six consonant classes are not kept: they say too
-- little ("Ali" is L).  chr_sound_key() is the SQL function the store
-- registers on every connection; it is NULL for such short keys.

CREATE TABLE actor_sound (
    key         TEXT NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    PRIMARY KEY (key, actor_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO actor_sound(key, actor_id)
    SELECT chr_sound_key(l.form), l.actor_id
    FROM alias l JOIN actor a ON a.id = l.actor_id
    WHERE a.kind = 'person' AND chr_sound_key(l.form) IS NOT NULL;
