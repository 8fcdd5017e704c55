CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  nick TXET NOT NULL
);

-- ANY in a STRICT table says on purpose that any value goes: no warning.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value ANY
) STRICT;
