// name: target-vs-actual
// description: Per indicator, region and year: the latest target, the latest actual, their ratio and a status
// description: (met, exceeded, missed, no-actual-yet; incomparable when the units differ).
// param: indicator: string = null  -- an indicator name or alias; all indicators when null
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// columns: indicator, region, year, target, actual, unit, ratio, status
// Indicator first; each cell's latest target, and each indicator's latest actual per region and year, by
// aggregation; then each cell picks its actual from its indicator's short list of reports.
// example: --param region=浙江省
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
// The figures in scope: of the indicator when one is given (an indicator's node is large, so it is read
// once, not once per figure), else of the region's regions when one is given, else all of them.
// UNION ALL: the branches exclude each other, and ArcadeDB keys a UNION's rows by the nodes' whole text.
CALL (scope) {
  UNWIND CASE WHEN $indicator IS NOT NULL OR $region IS NULL THEN [true] ELSE [] END AS byIndicator
  MATCH (i:Indicator)
  WHERE $indicator IS NULL OR i.name = $indicator OR $indicator IN coalesce(i.aliases, [])
  MATCH (i)<-[:MEASURES]-(g:Target {kind: 'target'})
  OPTIONAL MATCH (g)-[:FOR]->(r:Region)
  WITH i, g, r
  WHERE $region IS NULL OR r.id IN scope
  RETURN i, g, r
  UNION ALL
  UNWIND CASE WHEN $indicator IS NULL THEN scope ELSE [] END AS rid
  MATCH (r:Region {id: rid})<-[:FOR]-(g:Target {kind: 'target'})-[:MEASURES]->(i:Indicator)
  RETURN i, g, r
}
WITH i, g, r
WHERE ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (d:Document {id: g.doc})
// Only ids and scalars go into the aggregations (see indicator-matrix: ArcadeDB's query heap budget).
WITH i.id AS iid, r.id AS rid, r.name AS region, g.year AS year, coalesce(d.date, toString(d.year), '') AS issued,
     g.value AS value, g.unit AS unit
WITH iid, rid, region, year, collect({issued: issued, value: value, unit: unit}) AS figures, max(issued) AS last
WITH iid, rid, region, year,
     reduce(best = NULL, f IN [f IN figures WHERE f.issued = last] |
            CASE WHEN best IS NULL THEN f WHEN best.value IS NULL THEN best WHEN f.value IS NULL THEN f
                 WHEN f.value > best.value THEN f ELSE best END) AS t
WITH iid, collect({rid: rid, region: region, year: year, value: t.value, unit: t.unit}) AS cells
// Each indicator's actuals, only for the regions and years of its cells, reduced to the latest per
// (region, year) inside a subquery: carrying the cells through that aggregation held every cell list
// once per group (ArcadeDB's query heap, at 5,000 plans even for one region).
CALL (iid, cells) {
  MATCH (:Indicator {id: iid})<-[:MEASURES]-(a:Target {kind: 'actual'})
  WHERE a.year IN [c IN cells | c.year]
  OPTIONAL MATCH (a)-[:FOR]->(ar:Region)
  WITH a, ar.id AS rid
  WHERE any(c IN cells WHERE c.year = a.year AND (c.rid = rid OR (c.rid IS NULL AND rid IS NULL)))
  OPTIONAL MATCH (ad:Document {id: a.doc})
  WITH rid, a.year AS year, coalesce(a.as_of, ad.date, toString(ad.year), '') AS reported, a.value AS value, a.unit AS unit
  WITH rid, year, collect({reported: reported, value: value, unit: unit}) AS figures, max(reported) AS last
  RETURN collect({rid: rid, year: year, a: [f IN figures WHERE f.reported = last][0]}) AS reports
}
MATCH (i:Indicator {id: iid})
WITH i.name AS indicator, cells, reports
UNWIND cells AS c
WITH indicator, c, [x IN reports WHERE x.a IS NOT NULL AND x.year = c.year AND (x.rid = c.rid OR (x.rid IS NULL AND c.rid IS NULL)) | x.a][0] AS a
WITH indicator, c, a,
     CASE WHEN a IS NOT NULL AND a.unit = c.unit AND c.value <> 0 THEN toFloat(a.value) / c.value END AS ratio
RETURN indicator, c.region AS region, c.year AS year, c.value AS target, a.value AS actual, c.unit AS unit, ratio,
       CASE
         WHEN a IS NULL THEN 'no-actual-yet'
         WHEN a.unit <> c.unit THEN 'incomparable'
         WHEN a.value > c.value THEN 'exceeded'
         WHEN a.value = c.value THEN 'met'
         ELSE 'missed'
       END AS status
ORDER BY indicator, region, year
