CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  stream TEXT NOT NULL,
  at INTEGER NOT NULL,
  payload TEXT
);
CREATE INDEX events_stream_at_idx ON events (stream, at);
