CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- The model of this table would be named Database, like the runtime's driver interface.
CREATE TABLE database (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
