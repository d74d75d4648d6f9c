// name: co-leading-units
// description: Pairs of units working on the same tasks: how many tasks they share and on how many both lead.
// description: role=lead counts only tasks both lead; role=any also counts supporting (协助) roles.
// param: role: choice(any|lead) = any  -- which assignments make a pair
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also count documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: collective: bool = false  -- include collective mentions such as 有关处室
// param: min: int = 1  -- only pairs sharing at least this many tasks
// param: limit: int = 200  -- at most this many pairs
// columns: unit_a, agency_a, unit_b, agency_b, tasks, co_lead, id_a, id_b
// example: --param region=浙江省 --param min=2
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
MATCH (a:Unit)-[ra:LEADS|SUPPORTS]->(t:Task)<-[rb:LEADS|SUPPORTS]-(b:Unit)
WHERE a.id < b.id
  AND ($role = 'any' OR (type(ra) = 'LEADS' AND type(rb) = 'LEADS'))
  AND ($collective OR (coalesce(a.collective, false) = false AND coalesce(b.collective, false) = false))
MATCH (d:Document)-[:HAS_TASK]->(t)
WHERE ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
  AND ($region IS NULL OR any(x IN [(d)-[:ABOUT]->(dr:Region) | dr.id] WHERE x IN scope))
WITH a, b, t, sum(CASE WHEN type(ra) = 'LEADS' AND type(rb) = 'LEADS' THEN 1 ELSE 0 END) AS leadPairs
WITH a, b, count(t) AS tasks, sum(CASE WHEN leadPairs > 0 THEN 1 ELSE 0 END) AS co_lead
WHERE tasks >= $min
OPTIONAL MATCH (a)-[:PART_OF]->(aa:Unit)
OPTIONAL MATCH (b)-[:PART_OF]->(ba:Unit)
WITH a, b, tasks, co_lead, head(collect(DISTINCT aa.name)) AS agency_a, head(collect(DISTINCT ba.name)) AS agency_b
RETURN a.name AS unit_a, agency_a, b.name AS unit_b, agency_b, tasks, co_lead, a.id AS id_a, b.id AS id_b
ORDER BY tasks DESC, co_lead DESC, unit_a, unit_b
LIMIT $limit
