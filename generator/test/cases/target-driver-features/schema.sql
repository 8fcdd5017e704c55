CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  seen_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE notes USING fts4(title, body, tokenize=porter);

CREATE VIRTUAL TABLE areas USING geopoly(label);

CREATE VIRTUAL TABLE archive USING fts3(content);

CREATE VIRTUAL TABLE note_terms USING fts4aux(notes);

CREATE VIRTUAL TABLE tokens USING fts3tokenize(simple);
