// name: entity-lookup
// description: Nodes an analyst may mean by a word: the id itself, a name, an alias or a title written exactly.
// param: entity: string = null  -- an id, a name (高新处, 邱飞章), an alias or a document title; every node when null
// columns: id, label, name
// example: --param entity=高新处
MATCH (n)
WHERE NOT n:StoreStamp
  AND ($entity IS NULL OR n.id = $entity OR n.name = $entity OR n.title = $entity OR $entity IN coalesce(n.aliases, []))
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name
ORDER BY CASE WHEN n.id = $entity THEN 0 WHEN n.name = $entity THEN 1 ELSE 2 END, label, id
