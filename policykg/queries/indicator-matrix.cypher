// name: indicator-matrix
// description: Indicator x year x region: the latest target and the latest actual in each cell.
// description: Latest means from the most recent report (as_of, else the document date), so revisions win.
// description: A figure over a span (年均增长, 五年累计, “十三五”期间…) is no year's figure and stays out; a range keeps its upper end.
// param: indicator: string = null  -- an indicator name or alias; all indicators when null
// param: region: string = null  -- the region a figure is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// columns: indicator, year, region, target, actual, unit, target_high
// Indicator first, and the latest figure of each cell found by aggregation (max of the report
// date, then the largest value) instead of one global sort of every figure.
// example: --param region=浙江省 --format xlsx --output matrix.xlsx
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
  MATCH (i)<-[:MEASURES]-(g:Target)
  OPTIONAL MATCH (g)-[:FOR]->(r:Region)
  WITH i, g, r
  WHERE $region IS NULL OR r.id IN scope
  RETURN i, g, r
  UNION ALL
  UNWIND CASE WHEN $indicator IS NULL THEN scope ELSE [] END AS rid
  MATCH (r:Region {id: rid})<-[:FOR]-(g:Target)-[:MEASURES]->(i:Indicator)
  RETURN i, g, r
}
WITH i, g, r
WHERE g.aggregate IS NULL AND g.period_from IS NULL
  AND ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (d:Document {id: g.doc})
// Only ids and scalars go into the aggregation: a shared node carries its list of documents, and
// ArcadeDB keeps each group's row, nodes and all, against its query heap budget (at 5,000 plans the
// indicator's node alone made every one of ~100,000 cells cost ~90 KB).
WITH i.id AS iid, i.name AS indicator, r.id AS rid, r.name AS region, g.year AS year, g.kind AS kind,
     coalesce(g.as_of, d.date, toString(d.year), '') AS reported, g.value AS value, g.value_high AS high, g.unit AS unit
WITH iid, indicator, rid, region, year, kind,
     collect({reported: reported, value: value, high: high, unit: unit}) AS figures, max(reported) AS last
WITH iid, indicator, rid, region, year, kind,
     reduce(best = NULL, f IN [f IN figures WHERE f.reported = last] |
            CASE WHEN best IS NULL THEN f WHEN best.value IS NULL THEN best WHEN f.value IS NULL THEN f
                 WHEN f.value > best.value THEN f ELSE best END) AS latest
WITH iid, indicator, rid, region, year, collect({kind: kind, value: latest.value, high: latest.high, unit: latest.unit}) AS cells
RETURN indicator, year, region,
       head([c IN cells WHERE c.kind = 'target' | c.value]) AS target,
       head([c IN cells WHERE c.kind = 'actual' | c.value]) AS actual,
       coalesce(head([c IN cells WHERE c.kind = 'target' | c.unit]), head([c IN cells | c.unit])) AS unit,
       head([c IN cells WHERE c.kind = 'target' | c.high]) AS target_high
ORDER BY indicator, year, region
