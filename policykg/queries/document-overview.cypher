// name: document-overview
// description: What each document holds: sections, tasks, leading and supporting units, people, targets and indicators,
// description: and how many of its tasks have no leading unit.
// param: document: string = null  -- a document id, or a substring of its title; all documents when null
// param: offset: int = 0  -- skip this many documents (paging, in the listed order)
// param: limit: int = null  -- at most this many documents (a page); all when null
// columns: id, title, year, kind, sections, tasks, lead_units, support_units, people, targets, indicators, without_lead
// example: --param document=工作要点
MATCH (d:Document)
WHERE $document IS NULL OR d.id = $document OR coalesce(d.title, '') CONTAINS $document
WITH d
ORDER BY d.year DESC, d.id
SKIP $offset LIMIT coalesce($limit, 1000000000)
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, collect(t) AS tasks
OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)<-[:LEADS]-(lu:Unit)
WITH d, tasks, count(DISTINCT lu) AS lead_units
OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)<-[:SUPPORTS]-(su:Unit)
WITH d, tasks, lead_units, count(DISTINCT su) AS support_units
OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)<-[:RESPONSIBLE_FOR]-(p:Person)
WITH d, tasks, lead_units, support_units, count(DISTINCT p) AS people
OPTIONAL MATCH (g:Target {doc: d.id})-[:MEASURES]->(i:Indicator)
WITH d, tasks, lead_units, support_units, people, count(DISTINCT g) AS targets, count(DISTINCT i) AS indicators
RETURN d.id AS id, d.title AS title, d.year AS year, d.kind AS kind,
       COUNT { (d)-[:HAS_SECTION]->(:Section) } AS sections, size(tasks) AS tasks,
       lead_units, support_units, people, targets, indicators,
       COUNT { (d)-[:HAS_TASK]->(task:Task) WHERE NOT EXISTS { (:Unit)-[:LEADS]->(task) } } AS without_lead
ORDER BY year DESC, id
