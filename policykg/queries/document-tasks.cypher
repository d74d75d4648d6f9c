// name: document-tasks
// description: One document's tasks in order, each with its section and every assignment (lead, support, responsible)
// description: with the sentence it came from: what policykg report draws.
// param: document: string = null  -- a document id; without one, a page of documents (offset, limit) in id order
// param: offset: int = 0  -- without a document: skip this many documents
// param: limit: int = 100  -- without a document: the tasks of at most this many documents (a page)
// columns: section, section_number, section_id, number, title, text, order, span, evidence, assignments, id
// example: --param document=doc-6c90a7d6afc0752d
// One document's tasks from its node (the id index); without a document, a page of documents' tasks.
CALL () {
  UNWIND CASE WHEN $document IS NULL THEN [true] ELSE [] END AS page
  MATCH (d:Document)
  WITH d ORDER BY d.id SKIP $offset LIMIT $limit
  MATCH (d)-[:HAS_TASK]->(t:Task)
  RETURN t
  UNION ALL
  MATCH (:Document {id: $document})-[:HAS_TASK]->(t:Task)
  RETURN t
}
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
WITH t, head(collect(s)) AS s
OPTIONAL MATCH (who)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->(t)
WITH t, s, who, r
ORDER BY CASE type(r) WHEN 'LEADS' THEN 0 WHEN 'SUPPORTS' THEN 1 ELSE 2 END, who.name
WITH t, s, collect(CASE WHEN r IS NULL THEN NULL ELSE
       {role: toLower(type(r)), name: who.name, id: who.id, mention: r.mention, span: r.span, evidence: r.evidence} END) AS assignments
RETURN coalesce(s.title, t.section) AS section, s.number AS section_number, s.id AS section_id,
       t.number AS number, t.title AS title, t.text AS text, t.order AS order, t.span AS span, t.evidence AS evidence,
       assignments, t.id AS id
ORDER BY t.doc, t.order
