// name: graph-edges
// description: Relationships with their type and every property, for pictures and exports (policykg viz, export):
// description: all of them, or only those between the given nodes; in no particular order (sorting the whole
// description: graph would hold all of it in the store's query heap).
// param: ids: list = null  -- node ids (comma-separated on the command line); both ends must be among them; all when null
// columns: source, target, type, properties
// example: --param ids=doc-6c90a7d6afc0752d,doc-6c90a7d6afc0752d-t4
// With ids, each is looked up in the unique id index of every label (an id does not say its label);
// only their own relationships are read. Without ids, every relationship, streamed.
UNWIND CASE WHEN $ids IS NULL THEN [true] ELSE [] END AS everything
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS properties
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
MATCH (a)-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS properties
