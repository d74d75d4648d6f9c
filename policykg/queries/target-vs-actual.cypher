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
MATCH (i:Indicator)
WHERE $indicator IS NULL OR i.name = $indicator OR $indicator IN coalesce(i.aliases, [])
MATCH (i)<-[:MEASURES]-(g:Target {kind: 'target'})
WHERE ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
WITH i, g, r, scope
WHERE $region IS NULL OR r.id IN scope
OPTIONAL MATCH (d:Document {id: g.doc})
WITH i, r, g.year AS year, collect({issued: coalesce(d.date, toString(d.year), ''), g: g}) AS figures,
     max(coalesce(d.date, toString(d.year), '')) AS last
WITH i, r, year,
     reduce(best = NULL, f IN [f IN figures WHERE f.issued = last] |
            CASE WHEN best IS NULL THEN f WHEN best.g.value IS NULL THEN best WHEN f.g.value IS NULL THEN f
                 WHEN f.g.value > best.g.value THEN f ELSE best END).g AS t
WITH i, collect({r: r, year: year, t: t}) AS cells
OPTIONAL MATCH (i)<-[:MEASURES]-(a:Target {kind: 'actual'})
OPTIONAL MATCH (a)-[:FOR]->(ar:Region)
OPTIONAL MATCH (ad:Document {id: a.doc})
WITH i, cells, ar, a.year AS year,
     collect({reported: coalesce(a.as_of, ad.date, toString(ad.year), ''), a: a}) AS figures,
     max(coalesce(a.as_of, ad.date, toString(ad.year), '')) AS last
WITH i, cells, collect({r: ar, year: year, a: [f IN figures WHERE f.reported = last][0].a}) AS reports
UNWIND cells AS c
WITH i, c.r AS r, c.year AS year, c.t AS t,
     [x IN reports WHERE x.a IS NOT NULL AND x.year = c.year AND (x.r = c.r OR (x.r IS NULL AND c.r IS NULL)) | x.a][0] AS a
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
