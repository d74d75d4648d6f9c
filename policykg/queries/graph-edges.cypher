// name: graph-edges
// description: Relationships with their type and every property, for pictures and exports (policykg viz, export):
// description: all of them, or only those between the given nodes.
// param: ids: list = null  -- node ids (comma-separated on the command line); both ends must be among them; all when null
// columns: source, target, type, properties
// example: --param ids=doc-6c90a7d6afc0752d,doc-6c90a7d6afc0752d-t4
MATCH (a)-[r]->(b)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS properties
ORDER BY source, type, target
