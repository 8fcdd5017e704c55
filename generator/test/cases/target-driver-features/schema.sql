CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  seen_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE notes USING fts4(title, body, tokenize=porter);

CREATE VIRTUAL TABLE areas USING geopoly(label);
