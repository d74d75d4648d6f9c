// name: units-leading-by-year
// description: How many tasks each unit leads, year by year (its documents' years): the stacked bars of policykg chart units.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also count documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: collective: bool = false  -- include collective mentions such as 有关处室
// columns: unit, agency, year, tasks, id
// example: --param region=浙江省
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
MATCH (d)-[:HAS_TASK]->(t:Task)<-[:LEADS]-(u:Unit)
WHERE $collective OR coalesce(u.collective, false) = false
WITH u, d.year AS year, count(DISTINCT t) AS tasks
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
WITH u, year, tasks, head(collect(a.name)) AS agency
RETURN u.name AS unit, agency, year, tasks, u.id AS id
ORDER BY unit, agency, year, id
