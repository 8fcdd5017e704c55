CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  nick TEXT NOT NULL
);

CREATE TABEL posts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);

CREATE VIEW post_titles AS SELECT id, title FROM posts;

CREATE VIEW user_names AS SELECT id, name FROM users;
