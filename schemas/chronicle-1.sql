-- Chronicle database, version 1.
--
-- One row per article (identified by the SHA-256 of its url and text, so
-- loading it again changes nothing); its items (a page and the "read also"
-- items appended to it, each with its own publication date or none); the
-- actors (canonical name, kind, aliases in every language); mentions;
-- statements with their reporting chain; treaties with parties and cited
-- articles; events with their actors and every source that reports them.
-- Offsets are Unicode code points into the article body, end exclusive.
-- In WITHOUT ROWID tables the primary-key columns come first, in key order
-- (SQLite 3.40's integrity_check misreads NOT NULL columns otherwise).
-- Dates are ISO 8601 text (TIMEX3 values), NULL when unknown.

CREATE TABLE article (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    ext_id      TEXT,
    url         TEXT,
    source      TEXT,
    source_actor INTEGER REFERENCES actor(id),
    title       TEXT,
    published   TEXT,
    dct_basis   TEXT,
    lang        TEXT,
    path        TEXT,
    chars       INTEGER NOT NULL
);

CREATE TABLE item (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    dct         TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE actor (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organisation', 'media')),
    country     TEXT,
    affiliation TEXT,
    roles       TEXT,
    title       TEXT,
    origin      TEXT NOT NULL CHECK (origin IN ('gazetteer', 'text'))
);

-- key is the folded form (case, diacritics, Arabic letter variants), the
-- form a query is folded to before it is looked up.
CREATE TABLE alias (
    key         TEXT NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    form        TEXT NOT NULL,
    PRIMARY KEY (key, actor_id)
) WITHOUT ROWID;

-- Where each actor is named: one row per article, item and actor, with
-- every span as "start-end" pairs separated by spaces, in text order.
CREATE TABLE mention (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actor(id),
    item        INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    spans       TEXT NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id, item)
) WITHOUT ROWID;
CREATE INDEX mention_actor ON mention(actor_id);

CREATE TABLE timex (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    value       TEXT NOT NULL,
    item        INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    mod         TEXT,
    PRIMARY KEY (article_id, start, value)
) WITHOUT ROWID;

-- A treaty is one row however many articles name it: key is its name's
-- content words (or the organisation that names it, as for the UN Charter)
-- and its parties, as the extractor writes them; name is the fullest name
-- seen.
CREATE TABLE treaty (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    organisation INTEGER REFERENCES actor(id),
    concluded   TEXT
);

CREATE TABLE treaty_party (
    treaty_id   INTEGER NOT NULL REFERENCES treaty(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actor(id),
    PRIMARY KEY (treaty_id, actor_id)
) WITHOUT ROWID;

CREATE TABLE treaty_mention (
    treaty_id   INTEGER NOT NULL REFERENCES treaty(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (treaty_id, article_id, start)
) WITHOUT ROWID;
CREATE INDEX treaty_mention_article ON treaty_mention(article_id);

-- The articles (clauses) of a treaty that the text cites.
CREATE TABLE treaty_article (
    treaty_id   INTEGER NOT NULL REFERENCES treaty(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (treaty_id, article_id, start)
) WITHOUT ROWID;
CREATE INDEX treaty_article_article ON treaty_article(article_id);

-- The sentences events and statements come from, each stored once.
CREATE TABLE sentence (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    item        INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX sentence_article ON sentence(article_id, start);

CREATE TABLE statement (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    item        INTEGER NOT NULL,
    speaker_id  INTEGER NOT NULL REFERENCES actor(id),
    verb        TEXT NOT NULL,
    words       TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    quoted      INTEGER NOT NULL,
    negated     INTEGER NOT NULL,
    medium      TEXT,
    medium_actor INTEGER REFERENCES actor(id),
    sentence_id INTEGER NOT NULL REFERENCES sentence(id)
);
CREATE INDEX statement_speaker ON statement(speaker_id);
CREATE INDEX statement_article ON statement(article_id);

-- The reporting chain, nearest first: Putin's words reported by Sputnik (0),
-- then by SANA (1), the page that carries them.
CREATE TABLE statement_chain (
    statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES actor(id),
    PRIMARY KEY (statement_id, pos)
) WITHOUT ROWID;

-- An event is one happening however many articles report it: its identity
-- is the CAMEO code, the sorted actors and the stated date (for events
-- without a stated date the article, item and trigger too, so that they
-- never merge by guess); key is the first 63 bits of the SHA-256 of that text.
CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    key         INTEGER NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    cameo       TEXT NOT NULL,
    plover      TEXT,
    date_value  TEXT,
    date_start  TEXT,
    date_end    TEXT,
    granularity TEXT,
    basis       TEXT NOT NULL CHECK (basis IN ('stated', 'reported', 'unknown')),
    not_before  TEXT,
    location_id INTEGER REFERENCES actor(id),
    treaty_id   INTEGER REFERENCES treaty(id) ON DELETE SET NULL,
    sort_date   TEXT NOT NULL     -- date_start, else date_value, else not_before, else '~'
);
CREATE INDEX event_sort ON event(sort_date);

-- The actors of each event, kept in date order per actor (sort_date is the
-- event's) so that the events of an actor come out first-to-last without a
-- sort, however many there are.
CREATE TABLE event_actor (
    actor_id    INTEGER NOT NULL REFERENCES actor(id),
    sort_date   TEXT NOT NULL,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    PRIMARY KEY (actor_id, sort_date, event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actor_event ON event_actor(event_id);

CREATE TABLE event_statement (
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, statement_id)
) WITHOUT ROWID;

CREATE TABLE event_source (
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    item        INTEGER NOT NULL,
    trigger     TEXT NOT NULL,
    end         INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL REFERENCES sentence(id),
    report_date TEXT,
    PRIMARY KEY (event_id, article_id, start)
) WITHOUT ROWID;
CREATE INDEX event_source_article ON event_source(article_id);

-- Full-text search over the sentences and over what was said; both index
-- their table's text without keeping a second copy of it.
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content = 'sentence', content_rowid = 'id',
                                             tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statement_fts USING fts5(words, content = 'statement', content_rowid = 'id',
                                              tokenize = 'unicode61 remove_diacritics 2');
