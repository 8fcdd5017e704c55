CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL UNIQUE,
  body TEXT,
  pinned BOOLEAN NOT NULL DEFAULT FALSE,
  attachment BLOB,
  score REAL
);
