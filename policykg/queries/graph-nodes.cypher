// name: graph-nodes
// description: Nodes with their label and every property, for pictures and exports (policykg viz, export):
// description: the whole graph, or the nodes with the given ids, of one label, or owned by one document.
// param: ids: list = null  -- node ids (comma-separated on the command line); all nodes when null
// param: label: string = null  -- only nodes with this label: Document, Section, Task, Unit, Person, Indicator, Target, Region
// param: doc: string = null  -- only the sections, tasks and targets this document id owns
// columns: id, label, properties
// example: --param label=Unit
MATCH (n)
WHERE NOT n:StoreStamp
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($label IS NULL OR $label IN labels(n))
  AND ($doc IS NULL OR n.doc = $doc)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
ORDER BY label, id
