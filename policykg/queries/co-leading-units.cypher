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
// The documents in scope: with a region, those ABOUT one of its regions (never a scan of every document).
// UNION ALL (the branches exclude each other: ArcadeDB keys a UNION's rows by the nodes' whole text); a document
// about two regions in scope is kept once by its id.
CALL (scope) {
  UNWIND CASE WHEN $region IS NULL THEN [true] ELSE [] END AS everything
  MATCH (d:Document)
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  RETURN d
  UNION ALL
  UNWIND scope AS rid
  MATCH (:Region {id: rid})<-[:ABOUT]-(about:Document)
  WITH DISTINCT about.id AS did
  MATCH (d:Document {id: did})
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  RETURN d
}
MATCH (d)-[:HAS_TASK]->(t:Task)
// Each task's units as a list, paired in memory: matching (a)-->(t)<--(b) with a.id < b.id lets
// Neo4j's planner start from an index scan of every unit instead of the tasks in scope.
WITH t, [(t)<-[r:LEADS|SUPPORTS]-(u:Unit) WHERE $collective OR coalesce(u.collective, false) = false
         | {u: u, lead: type(r) = 'LEADS'}] AS units
UNWIND units AS x
UNWIND units AS y
WITH t, x.u AS a, y.u AS b, x.lead AND y.lead AS bothLead
WHERE a.id < b.id AND ($role = 'any' OR bothLead)
WITH a, b, t, sum(CASE WHEN bothLead THEN 1 ELSE 0 END) AS leadPairs
WITH a, b, count(t) AS tasks, sum(CASE WHEN leadPairs > 0 THEN 1 ELSE 0 END) AS co_lead
WHERE tasks >= $min
OPTIONAL MATCH (a)-[:PART_OF]->(aa:Unit)
OPTIONAL MATCH (b)-[:PART_OF]->(ba:Unit)
WITH a, b, tasks, co_lead, head(collect(DISTINCT aa.name)) AS agency_a, head(collect(DISTINCT ba.name)) AS agency_b
RETURN a.name AS unit_a, agency_a, b.name AS unit_b, agency_b, tasks, co_lead, a.id AS id_a, b.id AS id_b
ORDER BY tasks DESC, co_lead DESC, unit_a, unit_b, id_a, id_b
LIMIT $limit
