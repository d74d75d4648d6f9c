// name: entity-lookup
// description: Nodes an analyst may mean by a word: the id itself, a name, an alias or a title written exactly.
// param: entity: string = null  -- an id, a name (高新处, 邱飞章), an alias or a document title; every node when null
// columns: id, label, name
// example: --param entity=高新处
// Each way of answering has its branch: the id and every name and title through an index, the aliases
// (a list, which no index serves) by reading the units and indicators; every node only when entity is null.
CALL () {
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everything
  MATCH (n)
  WHERE NOT (n:StoreStamp OR n:UnitTally OR n:IndicatorTally)
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  UNWIND CASE WHEN $entity IS NULL THEN [] ELSE [$entity] END AS id
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
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Region {name: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Unit {name: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Person {name: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Indicator {name: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Document {title: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Section {title: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  MATCH (n:Task {title: $entity})
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  UNWIND CASE WHEN $entity IS NULL THEN [] ELSE [true] END AS byAlias
  MATCH (n:Unit)
  WHERE $entity IN coalesce(n.aliases, [])
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
  UNION
  UNWIND CASE WHEN $entity IS NULL THEN [] ELSE [true] END AS byAlias
  MATCH (n:Indicator)
  WHERE $entity IN coalesce(n.aliases, [])
  RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name,
         CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END AS rank
}
RETURN id, label, name
ORDER BY rank, label, id
