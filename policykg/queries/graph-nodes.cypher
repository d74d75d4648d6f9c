// name: graph-nodes
// description: Nodes with their label and every property, for pictures and exports (policykg viz, export):
// description: the whole graph, or the nodes with the given ids, of one label, or owned by one document;
// description: in no particular order (sorting the whole graph would hold all of it in the store's query heap).
// param: ids: list = null  -- node ids (comma-separated on the command line); all nodes when null
// param: label: string = null  -- only nodes with this label: Document, Section, Task, Unit, Person, Indicator, Target, Region
// param: doc: string = null  -- only the sections, tasks and targets this document id owns
// columns: id, label, properties
// example: --param label=Unit
// One branch answers, picked by the parameters given: ids (each looked up in the unique id index of every
// label), else doc (its owned nodes by the doc index), else label (that label's nodes), else every node.
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
WITH coalesce(n0, n1, n2, n3, n4, n5, n6, n7) AS n
WHERE n IS NOT NULL
  AND ($label IS NULL OR $label IN labels(n))
  AND ($doc IS NULL OR n.doc = $doc)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
MATCH (n:Section {doc: $doc})
WHERE $ids IS NULL AND ($label IS NULL OR $label = 'Section')
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
MATCH (n:Task {doc: $doc})
WHERE $ids IS NULL AND ($label IS NULL OR $label = 'Task')
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
MATCH (n:Target {doc: $doc})
WHERE $ids IS NULL AND ($label IS NULL OR $label = 'Target')
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Document' THEN [true] ELSE [] END AS one
MATCH (n:Document)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Section' THEN [true] ELSE [] END AS one
MATCH (n:Section)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Task' THEN [true] ELSE [] END AS one
MATCH (n:Task)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Unit' THEN [true] ELSE [] END AS one
MATCH (n:Unit)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Person' THEN [true] ELSE [] END AS one
MATCH (n:Person)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Indicator' THEN [true] ELSE [] END AS one
MATCH (n:Indicator)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Target' THEN [true] ELSE [] END AS one
MATCH (n:Target)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label = 'Region' THEN [true] ELSE [] END AS one
MATCH (n:Region)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
UNION ALL
UNWIND CASE WHEN $ids IS NULL AND $doc IS NULL AND $label IS NULL THEN [true] ELSE [] END AS everything
MATCH (n)
WHERE NOT (n:StoreStamp OR n:UnitTally OR n:IndicatorTally)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
