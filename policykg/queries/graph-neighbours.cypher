// name: graph-neighbours
// description: The nodes one relationship away (either direction) from the given nodes: one step of
// description: policykg viz --around ENTITY --depth N, which repeats it N times. In no particular order.
// param: ids: list = null  -- node ids (comma-separated on the command line); null: every node that has a neighbour
// columns: id, label
// example: --param ids=doc-6c90a7d6afc0752d-t4
// With ids, each is looked up in the unique id index of every label (an id does not say its label);
// only their own relationships are read.
UNWIND CASE WHEN $ids IS NULL THEN [true] ELSE [] END AS everything
MATCH (a)--(b)
RETURN DISTINCT b.id AS id, labels(b)[0] AS label
UNION ALL
UNWIND coalesce($ids, []) AS given
WITH DISTINCT given AS id
OPTIONAL MATCH (n0:Document {id: id})
OPTIONAL MATCH (n1:Section {id: id})
OPTIONAL MATCH (n2:Task {id: id})
OPTIONAL MATCH (n3:Unit {id: id})
OPTIONAL MATCH (n4:Person {id: id})
OPTIONAL MATCH (n5:Indicator {id: id})
OPTIONAL MATCH (n6:Target {id: id})
OPTIONAL MATCH (n7:Region {id: id})
WITH coalesce(n0, n1, n2, n3, n4, n5, n6, n7) AS a
WHERE a IS NOT NULL
MATCH (a)--(b)
WITH DISTINCT b
RETURN b.id AS id, labels(b)[0] AS label
