// name: indicator-matrix
// description: Indicator x year x region: the latest target and the latest actual in each cell.
// description: Latest means from the most recent report (as_of, else the document date), so revisions win.
// param: indicator: string = null  -- an indicator name or alias; all indicators when null
// param: region: string = null  -- the region a figure is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// columns: indicator, year, region, target, actual, unit
// example: --param region=浙江省 --format xlsx --output matrix.xlsx
MATCH (g:Target)-[:MEASURES]->(i:Indicator)
WHERE ($indicator IS NULL OR i.name = $indicator OR $indicator IN coalesce(i.aliases, []))
  AND ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
  AND ($region IS NULL OR EXISTS {
        MATCH (g)-[:FOR]->(gr:Region)-[:PART_OF*0..]->(:Region {name: $region})
        WHERE $within OR gr.name = $region })
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
OPTIONAL MATCH (d:Document {id: g.doc})
WITH i, r, g, coalesce(g.as_of, d.date, toString(d.year), '') AS reported
ORDER BY reported DESC, g.value DESC
WITH i, r, g.year AS year, g.kind AS kind, collect(g)[0] AS latest
WITH i, r, year, collect({kind: kind, value: latest.value, unit: latest.unit}) AS cells
RETURN i.name AS indicator, year, r.name AS region,
       head([c IN cells WHERE c.kind = 'target' | c.value]) AS target,
       head([c IN cells WHERE c.kind = 'actual' | c.value]) AS actual,
       coalesce(head([c IN cells WHERE c.kind = 'target' | c.unit]), head([c IN cells | c.unit])) AS unit
ORDER BY indicator, year, region
