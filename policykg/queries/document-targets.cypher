// name: document-targets
// description: One document's targets and actuals with their indicator, the task that sets them (null when the
// description: document states them outside any task) and the sentence they came from.
// param: document: string = null  -- a document id; without one, a page of documents (offset, limit) in id order
// param: offset: int = 0  -- without a document: skip this many documents
// param: limit: int = 100  -- without a document: the figures of at most this many documents (a page)
// columns: indicator, kind, value, unit, year, comparator, raw, span, evidence, task_id, id
// example: --param document=doc-6c90a7d6afc0752d
// One document's figures through the doc index; without a document, a page of documents' figures.
CALL () {
  UNWIND CASE WHEN $document IS NULL THEN [true] ELSE [] END AS page
  MATCH (d:Document)
  WITH d ORDER BY d.id SKIP $offset LIMIT $limit
  MATCH (g:Target {doc: d.id})
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
