CREATE TABLE notes (
  slug TEXT PRIMARY KEY,
  "constructor" TEXT,
  "toString" TEXT NOT NULL,
  "valueOf" INTEGER,
  "__proto__" BLOB
);
