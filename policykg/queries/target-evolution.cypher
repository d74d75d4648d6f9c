// name: target-evolution
// description: One indicator's targets and actuals over the years: one row per region, year and kind, from the latest report.
// description: The indicator matches its canonical name or any alias (技术交易额 = 技术市场交易额 = 技术合同成交额).
// description: A figure over a span (年均增长, 五年累计, “十三五”期间…) is no year's figure and is left out; a range keeps its upper end.
// param: indicator: string  -- an indicator name or alias
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first target year
// param: to: int = null  -- last target year
// columns: year, kind, value, unit, region, document, raw, value_high, comparator, mentions
// The cost grows with the figures returned: with a region, one index seek per region in scope. The same figure stated
// twice (提出国内生产总值增长8%左右 restating the goal) or by two documents is one row: the latest report's
// (as_of, else the document's date or year), then the largest value; mentions counts the statements.
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
WHERE g.year IS NOT NULL AND g.aggregate IS NULL AND g.period_from IS NULL
  AND ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
OPTIONAL MATCH (d:Document {id: g.doc})
WITH r.id AS rid, r.name AS region, g.year AS year, g.kind AS kind,
     collect({reported: coalesce(g.as_of, d.date, toString(d.year), ''), value: g.value, high: g.value_high,
              comparator: g.comparator, unit: g.unit, document: d.title, raw: g.raw}) AS figures
WITH rid, region, year, kind, figures,
     reduce(last = '', f IN figures | CASE WHEN f.reported > last THEN f.reported ELSE last END) AS last
WITH rid, region, year, kind, size(figures) AS mentions,
     reduce(best = NULL, f IN [f IN figures WHERE f.reported = last] |
            CASE WHEN best IS NULL THEN f WHEN f.value > best.value THEN f
                 WHEN f.value = best.value AND f.raw < best.raw THEN f ELSE best END) AS f
RETURN year, kind, f.value AS value, f.unit AS unit, region, f.document AS document, f.raw AS raw,
       f.high AS value_high, f.comparator AS comparator, mentions
ORDER BY year, kind, region
