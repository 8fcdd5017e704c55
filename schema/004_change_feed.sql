-- The change feed. Streaming by updated_at cannot see deletes (a deleted row has no timestamp to
-- find) and loses rows that share a second at a page boundary. Every write to http and its children
-- appends here, in commit order (SQLite has one writer at a time), under a sequence number that only
-- grows (AUTOINCREMENT never reuses one). A client resumes from the last seq it saw and receives
-- creates, updates and deletes (tombstones) exactly once, in order.

CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id BLOB NOT NULL,
  table_name TEXT NOT NULL,
  row_id BLOB NOT NULL,
  -- For child rows, the request they belong to.
  http_id BLOB,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  changed_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE INDEX change_log_workspace_idx ON change_log (workspace_id, seq);

CREATE TRIGGER http_change_insert AFTER INSERT ON http BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op) VALUES (NEW.workspace_id, 'http', NEW.id, NEW.id, 'insert');
END;

CREATE TRIGGER http_change_update AFTER UPDATE ON http BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op) VALUES (NEW.workspace_id, 'http', NEW.id, NEW.id, 'update');
END;

-- Also fires for rows removed by ON DELETE CASCADE (deltas of a deleted base, requests of a deleted workspace).
CREATE TRIGGER http_change_delete AFTER DELETE ON http BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op) VALUES (OLD.workspace_id, 'http', OLD.id, OLD.id, 'delete');
END;

CREATE TRIGGER http_search_param_change_insert AFTER INSERT ON http_search_param BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_search_param', NEW.id, NEW.http_id, 'insert' FROM http WHERE id = NEW.http_id;
END;

CREATE TRIGGER http_search_param_change_update AFTER UPDATE ON http_search_param BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_search_param', NEW.id, NEW.http_id, 'update' FROM http WHERE id = NEW.http_id;
END;

-- When the request itself is deleted, its tombstone stands for its children.
CREATE TRIGGER http_search_param_change_delete AFTER DELETE ON http_search_param BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_search_param', OLD.id, OLD.http_id, 'delete' FROM http WHERE id = OLD.http_id;
END;

CREATE TRIGGER http_header_change_insert AFTER INSERT ON http_header BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_header', NEW.id, NEW.http_id, 'insert' FROM http WHERE id = NEW.http_id;
END;

CREATE TRIGGER http_header_change_update AFTER UPDATE ON http_header BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_header', NEW.id, NEW.http_id, 'update' FROM http WHERE id = NEW.http_id;
END;

-- When the request itself is deleted, its tombstone stands for its children.
CREATE TRIGGER http_header_change_delete AFTER DELETE ON http_header BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_header', OLD.id, OLD.http_id, 'delete' FROM http WHERE id = OLD.http_id;
END;

CREATE TRIGGER http_body_form_change_insert AFTER INSERT ON http_body_form BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_body_form', NEW.id, NEW.http_id, 'insert' FROM http WHERE id = NEW.http_id;
END;

CREATE TRIGGER http_body_form_change_update AFTER UPDATE ON http_body_form BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_body_form', NEW.id, NEW.http_id, 'update' FROM http WHERE id = NEW.http_id;
END;

-- When the request itself is deleted, its tombstone stands for its children.
CREATE TRIGGER http_body_form_change_delete AFTER DELETE ON http_body_form BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_body_form', OLD.id, OLD.http_id, 'delete' FROM http WHERE id = OLD.http_id;
END;

CREATE TRIGGER http_assert_change_insert AFTER INSERT ON http_assert BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_assert', NEW.id, NEW.http_id, 'insert' FROM http WHERE id = NEW.http_id;
END;

CREATE TRIGGER http_assert_change_update AFTER UPDATE ON http_assert BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_assert', NEW.id, NEW.http_id, 'update' FROM http WHERE id = NEW.http_id;
END;

-- When the request itself is deleted, its tombstone stands for its children.
CREATE TRIGGER http_assert_change_delete AFTER DELETE ON http_assert BEGIN
  INSERT INTO change_log (workspace_id, table_name, row_id, http_id, op)
  SELECT workspace_id, 'http_assert', OLD.id, OLD.http_id, 'delete' FROM http WHERE id = OLD.http_id;
END;
