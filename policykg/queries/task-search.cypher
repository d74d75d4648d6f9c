// name: task-search
// description: Tasks whose text contains every keyword (Chinese substrings; separate several with spaces),
// description: ranked by hits in the title (x3) plus hits in the text, newest first on ties.
// param: keyword: string  -- one or more substrings, e.g. 孵化器 or 科技 金融
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also search documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: limit: int = 20  -- at most this many tasks
// columns: score, year, document, number, task, snippet, id
// example: --param keyword=孵化器
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
// The documents in scope: with a region, those ABOUT one of its regions (never a scan of every document).
// UNION ALL (the branches exclude each other: ArcadeDB keys a UNION's rows by the nodes' whole text); a document
// about two regions in scope is kept once by its id.
CALL (scope) {
  UNWIND CASE WHEN $region IS NULL THEN [true] ELSE [] END AS everything
  MATCH (d:Document)
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  RETURN d
  UNION ALL
  UNWIND scope AS rid
  MATCH (:Region {id: rid})<-[:ABOUT]-(about:Document)
  WITH DISTINCT about.id AS did
  MATCH (d:Document {id: did})
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  RETURN d
}
WITH d, [w IN split(toLower(trim($keyword)), ' ') WHERE w <> ''] AS words
WHERE size(words) > 0
MATCH (d)-[:HAS_TASK]->(t:Task)
WHERE all(w IN words WHERE toLower(t.text) CONTAINS w OR toLower(coalesce(t.title, '')) CONTAINS w)
WITH d, t, words, toLower(t.text) AS text, toLower(coalesce(t.title, '')) AS title
WITH d, t, text,
     reduce(s = 0, w IN words | s + 3 * ((size(title) - size(replace(title, w, ''))) / size(w))
                                  + (size(text) - size(replace(text, w, ''))) / size(w)) AS score,
     size(split(text, words[0])[0]) AS at
RETURN score, d.year AS year, d.title AS document, t.number AS number, coalesce(t.title, left(t.text, 40)) AS task,
       substring(t.text, CASE WHEN at > 20 THEN at - 20 ELSE 0 END, 80) AS snippet, t.id AS id
ORDER BY score DESC, year DESC, t.order
LIMIT $limit
