-- A second migration: its errors are reported in this file.
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title TEXT
);

CREATE INDEX users_email_idx ON user (email);
