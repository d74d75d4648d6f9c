// name: indicators
// description: The indicators with targets or actuals in the graph: aliases, measure, unit, how many figures, which years and regions.
// param: search: string = null  -- a substring of the name or of an alias
// param: catalogued: bool = null  -- only catalogued (true) or only ad hoc (false) indicators
// columns: indicator, aliases, measure, unit, catalogued, targets, actuals, first_year, last_year, regions
// example: --param search=技术
// The counts come from the writer's counters (graph/tallies.py), one small node per indicator, not from its figures.
MATCH (i:Indicator)
WHERE ($search IS NULL OR i.name CONTAINS $search OR any(a IN coalesce(i.aliases, []) WHERE a CONTAINS $search))
  AND ($catalogued IS NULL OR coalesce(i.catalogued, false) = $catalogued)
OPTIONAL MATCH (c:IndicatorTally {id: i.id})
WITH i, coalesce(c.targets, 0) AS targets, coalesce(c.actuals, 0) AS actuals, coalesce(c.regions, []) AS regions,
     c.first_year AS first_year, c.last_year AS last_year
RETURN i.name AS indicator, i.aliases AS aliases, i.measure AS measure, i.unit AS unit,
       coalesce(i.catalogued, false) AS catalogued,
       targets, actuals,
       first_year, last_year, regions
ORDER BY targets + actuals DESC, indicator
