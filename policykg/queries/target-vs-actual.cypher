// name: target-vs-actual
// description: Per indicator, region and year: the latest target against the latest actual any document reports
// description: (the next year's report, a summary, a progress table), their ratio and a status: met, exceeded, missed
// description: (read with the target's wording: 以内 is a cap, 左右 within 5%, a range 6%-6.5% met inside it; a
// description: catalogued ceiling such as 居民消费价格涨幅 or 城镇调查失业率 is met at or below its target),
// description: no-actual-in-store (the store holds results of later years for the region, none for this one),
// description: not-due-yet (no result of that year is in the store for the region), incomparable (units differ).
// description: A figure over a span (年均, 五年累计, “十三五”期间…) meets only a figure over the same span.
// param: indicator: string = null  -- an indicator name or alias; all indicators when null
// param: region: string = null  -- the region a target is for; exact unless within=true
// param: within: bool = false  -- also include sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// columns: indicator, region, year, target, actual, unit, ratio, status, aggregate, target_high, comparator, target_document, actual_document
// Indicator first; each cell's latest target, and each indicator's latest actual per region, year and span, by
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
WHERE g.year IS NOT NULL
  AND ($from IS NULL OR g.year >= $from)
  AND ($to IS NULL OR g.year <= $to)
OPTIONAL MATCH (d:Document {id: g.doc})
// Only ids and scalars go into the aggregations (see indicator-matrix: ArcadeDB's query heap budget).
WITH i.id AS iid, r.id AS rid, r.name AS region, g.year AS year, coalesce(g.aggregate, '') + coalesce(toString(g.period_from), '') AS span,
     coalesce(i.ceiling, false) AS ceiling, g.aggregate AS aggregate, coalesce(d.date, toString(d.year), '') AS issued, g.value AS value, g.value_high AS high,
     g.comparator AS comparator, g.unit AS unit, d.title AS document
WITH iid, rid, region, year, span, aggregate, ceiling,
     collect({issued: issued, value: value, high: high, comparator: comparator, unit: unit, document: document}) AS figures,
     max(issued) AS last
WITH iid, rid, region, year, span, aggregate, ceiling,
     reduce(best = NULL, f IN [f IN figures WHERE f.issued = last] |
            CASE WHEN best IS NULL THEN f WHEN best.value IS NULL THEN best WHEN f.value IS NULL THEN f
                 WHEN f.value > best.value THEN f ELSE best END) AS t
WITH iid, collect({rid: rid, region: region, year: year, span: span, aggregate: aggregate, ceiling: ceiling, value: t.value, high: t.high,
                   comparator: t.comparator, unit: t.unit, document: t.document}) AS cells
// The last year the store reports any result for, per region of the cells (read once for all indicators):
// a target after it is not due yet; one before it whose result is missing has no actual in the store.
WITH collect({iid: iid, cells: cells}) AS byIndicator
CALL (byIndicator) {
  UNWIND byIndicator AS b
  UNWIND b.cells AS c
  WITH DISTINCT c.rid AS rid
  WHERE rid IS NOT NULL
  MATCH (:Region {id: rid})<-[:FOR]-(x:Target {kind: 'actual'})
  WITH rid, max(x.year) AS until
  RETURN collect({rid: rid, until: until}) AS reportedUntil
}
UNWIND byIndicator AS b
WITH b.iid AS iid, b.cells AS cells, reportedUntil
// Each indicator's actuals, only for the regions and years of its cells, reduced to the latest per
// (region, year, span) inside a subquery: carrying the cells through that aggregation held every cell list
// once per group (ArcadeDB's query heap, at 5,000 plans even for one region).
CALL (iid, cells) {
  MATCH (:Indicator {id: iid})<-[:MEASURES]-(a:Target {kind: 'actual'})
  WHERE a.year IN [c IN cells | c.year]
  OPTIONAL MATCH (a)-[:FOR]->(ar:Region)
  WITH a, ar.id AS rid
  WHERE any(c IN cells WHERE c.year = a.year AND (c.rid = rid OR (c.rid IS NULL AND rid IS NULL)))
  OPTIONAL MATCH (ad:Document {id: a.doc})
  WITH rid, a.year AS year, coalesce(a.aggregate, '') + coalesce(toString(a.period_from), '') AS span, coalesce(a.as_of, ad.date, toString(ad.year), '') AS reported,
       a.value AS value, a.unit AS unit, ad.title AS document
  WITH rid, year, span, collect({reported: reported, value: value, unit: unit, document: document}) AS figures,
       max(reported) AS last
  RETURN collect({rid: rid, year: year, span: span, a: [f IN figures WHERE f.reported = last][0]}) AS reports
}
MATCH (i:Indicator {id: iid})
WITH i.name AS indicator, cells, reports, reportedUntil
UNWIND cells AS c
WITH indicator, c, reportedUntil,
     [x IN reports WHERE x.a IS NOT NULL AND x.year = c.year AND x.span = c.span
                         AND (x.rid = c.rid OR (x.rid IS NULL AND c.rid IS NULL)) | x.a][0] AS a,
     [u IN reportedUntil WHERE u.rid = c.rid | u.until][0] AS until
WITH indicator, c, a, until,
     CASE WHEN a IS NOT NULL AND a.unit = c.unit AND c.value <> 0 THEN toFloat(a.value) / c.value END AS ratio
RETURN indicator, c.region AS region, c.year AS year, c.value AS target, a.value AS actual, c.unit AS unit, ratio,
       CASE
         WHEN a IS NULL AND (until IS NULL OR c.year > until) THEN 'not-due-yet'
         WHEN a IS NULL THEN 'no-actual-in-store'
         WHEN a.unit <> c.unit THEN 'incomparable'
         WHEN c.comparator IN ['<=', '<'] OR c.ceiling THEN CASE WHEN a.value <= coalesce(c.high, c.value) * CASE WHEN c.comparator = '~' THEN 1.05 ELSE 1 END
                                                               THEN 'met' ELSE 'missed' END
         WHEN c.high IS NOT NULL THEN CASE WHEN a.value < c.value THEN 'missed'
                                           WHEN a.value > c.high THEN 'exceeded' ELSE 'met' END
         WHEN c.comparator = '~' AND abs(a.value - c.value) <= 0.05 * abs(c.value) THEN 'met'
         WHEN a.value > c.value THEN 'exceeded'
         WHEN a.value = c.value THEN 'met'
         ELSE 'missed'
       END AS status,
       c.aggregate AS aggregate, c.high AS target_high, c.comparator AS comparator,
       c.document AS target_document, a.document AS actual_document
ORDER BY indicator, region, year
