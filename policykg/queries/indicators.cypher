// name: indicators
// description: The indicators with targets or actuals in the graph: aliases, measure, unit, how many figures, which years and regions.
// param: search: string = null  -- a substring of the name or of an alias
// param: catalogued: bool = null  -- only catalogued (true) or only ad hoc (false) indicators
// columns: indicator, aliases, measure, unit, catalogued, targets, actuals, first_year, last_year, regions
// example: --param search=技术
MATCH (i:Indicator)
WHERE ($search IS NULL OR i.name CONTAINS $search OR any(a IN coalesce(i.aliases, []) WHERE a CONTAINS $search))
  AND ($catalogued IS NULL OR coalesce(i.catalogued, false) = $catalogued)
OPTIONAL MATCH (g:Target)-[:MEASURES]->(i)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
WITH i, count(DISTINCT CASE WHEN g.kind = 'target' THEN g END) AS targets,
     count(DISTINCT CASE WHEN g.kind = 'actual' THEN g END) AS actuals, collect(DISTINCT r.name) AS regions,
     min(g.year) AS first_year, max(g.year) AS last_year
RETURN i.name AS indicator, i.aliases AS aliases, i.measure AS measure, i.unit AS unit,
       coalesce(i.catalogued, false) AS catalogued,
       targets, actuals,
       first_year, last_year, regions
ORDER BY targets + actuals DESC, indicator
