// name: document-targets
// description: One document's targets and actuals with their indicator, the task that sets them (null when the
// description: document states them outside any task) and the sentence they came from.
// param: document: string = null  -- a document id; every document's targets when null
// columns: indicator, kind, value, unit, year, comparator, raw, span, evidence, task_id, id
// example: --param document=doc-6c90a7d6afc0752d
// One document's figures through the doc index; every figure only when no document is given.
CALL () {
  UNWIND CASE WHEN $document IS NULL THEN [true] ELSE [] END AS everything
  MATCH (g:Target)
  RETURN g
  UNION ALL
  MATCH (g:Target {doc: $document})
  RETURN g
}
OPTIONAL MATCH (g)-[:MEASURES]->(i:Indicator)
OPTIONAL MATCH (t:Task)-[:HAS_TARGET]->(g)
RETURN coalesce(i.name, g.indicator) AS indicator, g.kind AS kind, g.value AS value, g.unit AS unit, g.year AS year,
       g.comparator AS comparator, g.raw AS raw, g.span AS span, g.evidence AS evidence, t.id AS task_id, g.id AS id
ORDER BY g.doc, g.span[0], id
