// name: target-evolution
// description: One indicator's targets and actuals over the years, as each document states them.
// description: The indicator matches its canonical name or any alias (技术交易额 = 技术市场交易额 = 技术合同成交额).
// param: indicator: string  -- an indicator name or alias
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first target year
// param: to: int = null  -- last target year
// columns: year, kind, value, unit, region, document, raw
// The cost grows with the figures returned: with a region, one index seek per region in scope.
// example: --param indicator=技术交易额 --param region=浙江省
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
// The indicator by its name (an index seek) or, failing that, by an alias (the catalogue's few dozen indicators).
// (An Indicator node carries its documents' list: it is read once.)
OPTIONAL MATCH (named:Indicator {name: $indicator})
CALL (named) {
  UNWIND CASE WHEN named IS NULL THEN [] ELSE [named] END AS i
  RETURN i
  UNION ALL
  UNWIND CASE WHEN named IS NULL THEN [true] ELSE [] END AS byAlias
  MATCH (i:Indicator)
  WHERE $indicator IN coalesce(i.aliases, [])
  RETURN i
}
// Its figures: with a region, each region in scope is one seek on Target.series (indicator id | region id);
// without, the indicator's MEASURES edges.
CALL (i, scope) {
  UNWIND CASE WHEN $region IS NULL THEN [true] ELSE [] END AS everything
  MATCH (i)<-[:MEASURES]-(g:Target)
  RETURN g
  UNION ALL
  UNWIND scope AS rid
  MATCH (g:Target {series: i.id + '|' + rid})
  RETURN g
}
WITH g
WHERE ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
OPTIONAL MATCH (d:Document {id: g.doc})
RETURN g.year AS year, g.kind AS kind, g.value AS value, g.unit AS unit, r.name AS region,
       d.title AS document, g.raw AS raw
ORDER BY year, kind, coalesce(g.as_of, d.date, ''), raw, region, document
