// name: units-leading-by-year
// description: How many tasks each unit leads, year by year (its documents' years): the stacked bars of policykg chart units.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also count documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: collective: bool = false  -- include collective mentions such as 有关处室
// columns: unit, agency, year, tasks, id
// example: --param region=浙江省
MATCH (u:Unit)-[:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($from IS NULL OR d.year >= $from)
  AND ($to IS NULL OR d.year <= $to)
  AND ($collective OR coalesce(u.collective, false) = false)
  AND ($region IS NULL OR EXISTS {
        MATCH (d)-[:ABOUT]->(dr:Region)-[:PART_OF*0..]->(:Region {name: $region})
        WHERE $within OR dr.name = $region })
WITH u, d.year AS year, count(DISTINCT t) AS tasks
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
WITH u, year, tasks, head(collect(a.name)) AS agency
RETURN u.name AS unit, agency, year, tasks, u.id AS id
ORDER BY unit, agency, year
