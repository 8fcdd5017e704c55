-- name: DeleteHttp :exec
DELETE FROM http WHERE id = ?;
