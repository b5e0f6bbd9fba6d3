-- Chronicle database, version 5: indexes that queries need and did not have.
-- "--text" joins the words found in sentences to the events they are
-- evidence of (event_source.sentence_id), and "chronicle treaties" and
-- "--treaty" count and find a treaty's events (event.treaty_id).  Without
-- them each lookup read event_source or event through: tens of seconds for
-- a common word on 100,000 events.
CREATE INDEX IF NOT EXISTS event_source_sentence ON event_source(sentence_id);
CREATE INDEX IF NOT EXISTS event_treaty ON event(treaty_id);
