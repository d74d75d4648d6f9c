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
// example: --param region=浙江省 --param limit=10
MATCH (u:Unit)-[:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
  AND ($collective OR coalesce(u.collective, false) = false)
  AND ($region IS NULL OR EXISTS {
        MATCH (d)-[:ABOUT]->(dr:Region)-[:PART_OF*0..]->(:Region {name: $region})
        WHERE $within OR dr.name = $region })
OPTIONAL MATCH (d)-[:ABOUT]->(docRegion:Region)
WITH u, count(DISTINCT t) AS tasks, collect(DISTINCT docRegion.name) AS docRegions
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
OPTIONAL MATCH (u)-[:IN]->(ur:Region)
OPTIONAL MATCH (a)-[:IN]->(ar:Region)
WITH u, tasks, docRegions, head(collect(a.name)) AS agency, head(collect(ur.name)) AS unitRegion,
     head(collect(ar.name)) AS agencyRegion
RETURN u.name AS unit, agency, coalesce(unitRegion, agencyRegion, head(docRegions)) AS region, tasks
ORDER BY tasks DESC, unit, agency
LIMIT $limit
