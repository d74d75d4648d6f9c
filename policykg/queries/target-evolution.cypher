// name: target-evolution
// description: One indicator's targets and actuals over the years, as each document states them.
// description: The indicator matches its canonical name or any alias (技术交易额 = 技术市场交易额 = 技术合同成交额).
// param: indicator: string  -- an indicator name or alias
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first target year
// param: to: int = null  -- last target year
// columns: year, kind, value, unit, region, document, raw
// Indicator first: the cost grows with the indicator's figures, not with all targets.
// example: --param indicator=技术交易额 --param region=浙江省
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
MATCH (i:Indicator)
WHERE i.name = $indicator OR $indicator IN coalesce(i.aliases, [])
MATCH (i)<-[:MEASURES]-(g:Target)
WHERE ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
WITH g, r, scope
WHERE $region IS NULL OR r.id IN scope
OPTIONAL MATCH (d:Document {id: g.doc})
RETURN g.year AS year, g.kind AS kind, g.value AS value, g.unit AS unit, r.name AS region,
       d.title AS document, g.raw AS raw
ORDER BY year, kind, coalesce(g.as_of, d.date, ''), raw, region, document
