// name: unit-portfolio
// description: Every task a unit leads or supports, document by document: what one division or agency is on the hook for.
// param: unit: string  -- the unit's name or an alias, e.g. 高新处
// param: agency: string = null  -- the agency it belongs to, when the name is ambiguous (办公室)
// param: role: choice(any|lead|support) = any  -- which assignments to list
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// columns: year, document, role, number, task, agency, id
// example: --param unit=高新处 --param role=lead
MATCH (u:Unit)
WHERE (u.name = $unit OR $unit IN coalesce(u.aliases, []))
  AND CASE WHEN $agency IS NULL THEN true
           ELSE EXISTS { MATCH (u)-[:PART_OF]->(a:Unit) WHERE a.name = $agency OR $agency IN coalesce(a.aliases, []) } END
MATCH (u)-[r:LEADS|SUPPORTS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($role = 'any' OR ($role = 'lead' AND type(r) = 'LEADS') OR ($role = 'support' AND type(r) = 'SUPPORTS'))
  AND ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
WITH d, t, r, head(collect(a.name)) AS agency
RETURN d.year AS year, d.title AS document, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'support' END AS role,
       t.number AS number, coalesce(t.title, left(t.text, 40)) AS task, agency, t.id AS id
ORDER BY year, document, t.order, role
