CREATE TABLE typed (
  id INTEGER PRIMARY KEY,
  big BIGINT NOT NULL,
  short VARCHAR(255) NOT NULL,
  long_text CLOB,
  flag BOOLEAN NOT NULL,
  maybe_flag BOOL,
  ratio REAL,
  precise DOUBLE PRECISION,
  price DECIMAL(10, 2),
  amount NUMERIC,
  born DATE,
  seen_at DATETIME,
  stamp TIMESTAMP,
  payload BLOB,
  doc JSON,
  anything
);
