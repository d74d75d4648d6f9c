// name: graph-neighbours
// description: The nodes one relationship away (either direction) from the given nodes: one step of
// description: policykg viz --around ENTITY --depth N, which repeats it N times.
// param: ids: list  -- node ids (comma-separated on the command line)
// columns: id, label
MATCH (a)--(b)
WHERE a.id IN $ids
RETURN DISTINCT b.id AS id, labels(b)[0] AS label
ORDER BY id
