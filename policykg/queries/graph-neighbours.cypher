// name: graph-neighbours
// description: The nodes one relationship away (either direction) from the given nodes: one step of
// description: policykg viz --around ENTITY --depth N, which repeats it N times.
// param: ids: list = null  -- node ids (comma-separated on the command line); null: every node that has a neighbour
// columns: id, label
// example: --param ids=doc-6c90a7d6afc0752d-t4
MATCH (a)--(b)
WHERE $ids IS NULL OR a.id IN $ids
RETURN DISTINCT b.id AS id, labels(b)[0] AS label
ORDER BY id
