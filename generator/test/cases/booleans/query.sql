-- name: ListDeltas :many
SELECT id, is_delta FROM http WHERE is_delta = ? AND workspace_id = ?;

-- name: SetDelta :exec
UPDATE http SET is_delta = ? WHERE id = ?;
