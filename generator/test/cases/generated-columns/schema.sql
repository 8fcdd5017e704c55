CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  full_name TEXT NOT NULL GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL,
  initials TEXT GENERATED ALWAYS AS (substr(first, 1, 1) || substr(last, 1, 1)) STORED
);
