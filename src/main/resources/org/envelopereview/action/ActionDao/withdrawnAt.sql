SELECT COUNT(*)
FROM withdrawn_action
WHERE agent = :agent AND seq = :seq AND hash = :hash
