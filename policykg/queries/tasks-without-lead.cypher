// name: tasks-without-lead
// description: Tasks no unit leads (牵头): gaps in a responsibility breakdown, or plans that name no units at all.
// param: document: string = null  -- a document id, or a substring of its title
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also list documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// columns: year, document, number, task, supporters, responsible, id
// example: --param region=浙江省 --param within=true
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
WITH d
WHERE ($document IS NULL OR d.id = $document OR coalesce(d.title, '') CONTAINS $document)
MATCH (d)-[:HAS_TASK]->(t:Task)
WHERE NOT EXISTS { (:Unit)-[:LEADS]->(t) }
OPTIONAL MATCH (su:Unit)-[:SUPPORTS]->(t)
WITH d, t, collect(DISTINCT su.name) AS supporters
OPTIONAL MATCH (p:Person)-[:RESPONSIBLE_FOR]->(t)
WITH d, t, supporters, collect(DISTINCT p.name) AS responsible
RETURN d.year AS year, d.title AS document, t.number AS number, coalesce(t.title, left(t.text, 40)) AS task,
       supporters, responsible, t.id AS id
ORDER BY year, document, t.order, id
