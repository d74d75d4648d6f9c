// name: target-vs-actual
// description: Per indicator, region and year: the latest target, the latest actual, their ratio and a status
// description: (met, exceeded, missed, no-actual-yet; incomparable when the units differ).
// param: indicator: string = null  -- an indicator name or alias; all indicators when null
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// columns: indicator, region, year, target, actual, unit, ratio, status
// example: --param region=浙江省
MATCH (g:Target {kind: 'target'})-[:MEASURES]->(i:Indicator)
WHERE ($indicator IS NULL OR i.name = $indicator OR $indicator IN coalesce(i.aliases, []))
  AND ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
  AND ($region IS NULL OR EXISTS {
        MATCH (g)-[:FOR]->(gr:Region)-[:PART_OF*0..]->(:Region {name: $region})
        WHERE $within OR gr.name = $region })
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
OPTIONAL MATCH (d:Document {id: g.doc})
WITH i, r, g, coalesce(d.date, toString(d.year), '') AS issued
ORDER BY issued DESC, g.value DESC
WITH i, r, g.year AS year, collect(g)[0] AS t
OPTIONAL MATCH (a:Target {kind: 'actual'})-[:MEASURES]->(i)
WHERE a.year = year
  AND ((r IS NULL AND NOT EXISTS { (a)-[:FOR]->(:Region) }) OR EXISTS { (a)-[:FOR]->(r) })
OPTIONAL MATCH (ad:Document {id: a.doc})
WITH i, r, year, t, a, coalesce(a.as_of, ad.date, toString(ad.year), '') AS reported
ORDER BY reported DESC
WITH i, r, year, t, collect(a)[0] AS a
WITH i, r, year, t, a,
     CASE WHEN a IS NOT NULL AND a.unit = t.unit AND t.value <> 0 THEN toFloat(a.value) / t.value END AS ratio
RETURN i.name AS indicator, r.name AS region, year, t.value AS target, a.value AS actual, t.unit AS unit, ratio,
       CASE
         WHEN a IS NULL THEN 'no-actual-yet'
         WHEN a.unit <> t.unit THEN 'incomparable'
         WHEN a.value > t.value THEN 'exceeded'
         WHEN a.value = t.value THEN 'met'
         ELSE 'missed'
       END AS status
ORDER BY indicator, region, year
