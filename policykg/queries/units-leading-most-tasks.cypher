// name: units-leading-most-tasks
// description: Units that lead the most tasks, optionally within a region and year range.
// description: A task's region is its document's ABOUT region; region is the unit's own (or its agency's) region.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also count documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: collective: bool = false  -- include collective mentions such as 有关处室
// param: limit: int = 50  -- at most this many units
// columns: unit, agency, region, tasks
// Start from the documents in scope (year, region), aggregate per unit, and look up agency and
// region only for the units that can make the top $limit (ties at the cut included).
// example: --param region=浙江省 --param limit=10
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
OPTIONAL MATCH (d)-[:ABOUT]->(dr:Region)
WITH d, collect(dr) AS drs
MATCH (d)-[:HAS_TASK]->(t:Task)<-[:LEADS]-(u:Unit)
WHERE $collective OR coalesce(u.collective, false) = false
UNWIND CASE WHEN size(drs) = 0 THEN [NULL] ELSE drs END AS docRegion
WITH u, count(DISTINCT t) AS tasks, collect(DISTINCT docRegion.name) AS docRegions
ORDER BY tasks DESC
WITH collect({u: u, tasks: tasks, docRegions: docRegions}) AS ranked
WITH ranked, CASE WHEN $limit > 0 AND size(ranked) > $limit THEN ranked[$limit - 1].tasks ELSE 0 END AS cut
UNWIND ranked AS x
WITH x.u AS u, x.tasks AS tasks, x.docRegions AS docRegions, cut
WHERE tasks >= cut
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
OPTIONAL MATCH (u)-[:IN]->(ur:Region)
OPTIONAL MATCH (a)-[:IN]->(ar:Region)
WITH u, tasks, docRegions, head(collect(a.name)) AS agency, head(collect(ur.name)) AS unitRegion,
     head(collect(ar.name)) AS agencyRegion
RETURN u.name AS unit, agency, coalesce(unitRegion, agencyRegion, head(docRegions)) AS region, tasks
ORDER BY tasks DESC, unit, agency
LIMIT $limit
