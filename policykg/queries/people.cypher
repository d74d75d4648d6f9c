// name: people
// description: People named as responsible (责任人), with their agency and how many tasks they answer for.
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// columns: person, agency, tasks, documents
// example: --param from=2015 --param to=2015
MATCH (p:Person)-[:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
WITH p, count(DISTINCT t) AS tasks, count(DISTINCT d) AS documents
OPTIONAL MATCH (p)-[:MEMBER_OF]->(a:Unit)
WITH p, tasks, documents, head(collect(a.name)) AS agency
RETURN p.name AS person, agency, tasks, documents
ORDER BY tasks DESC, person
