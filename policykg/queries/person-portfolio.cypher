// name: person-portfolio
// description: Every task a person is responsible for (责任人), with the units leading it.
// param: person: string  -- the person's name, e.g. 邱飞章
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// columns: year, document, number, task, agency, lead_units, id
// example: --param person=邱飞章
MATCH (p:Person {name: $person})
MATCH (p)-[:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
OPTIONAL MATCH (p)-[:MEMBER_OF]->(a:Unit)
WITH p, t, d, head(collect(a.name)) AS agency
OPTIONAL MATCH (lu:Unit)-[:LEADS]->(t)
WITH t, d, agency, collect(DISTINCT lu.name) AS lead_units
RETURN d.year AS year, d.title AS document, t.number AS number, coalesce(t.title, left(t.text, 40)) AS task,
       agency, lead_units, t.id AS id
ORDER BY year, document, t.order
