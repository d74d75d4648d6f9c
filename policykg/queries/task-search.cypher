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
// Over the whole graph, keywords of two or more Chinese characters (U+4E00-U+9FFF) take their candidates from the
// full-text index over tasks' text and title (Lucene's CJK bigrams, `Task[text,title]`, graph/dialect.py): every
// keyword as a phrase, all required; the substring test below then keeps exactly the tasks the words are in. With a
// region (the index knows no regions: its candidates would come from every region), or other keywords (one
// character, Latin, digits, which bigrams do not find inside words), the tasks of the documents in scope are read.
WITH [w IN split(toLower(trim($keyword)), ' ') WHERE w <> ''] AS words
WITH words, $region IS NULL AND size(words) > 0 AND all(w IN words WHERE w =~ '[一-鿿]{2,}') AS indexed
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH words, indexed, collect(DISTINCT sub.id) AS scope
WHERE size(words) > 0
CALL (words, indexed, scope) {
  // indexed: the index's candidates, each with its document (kept if of the years asked)
  UNWIND CASE WHEN indexed THEN [true] ELSE [] END AS fromIndex
  CALL db.index.fulltext.queryNodes('Task[text,title]', reduce(q = '', w IN words | q + '+"' + w + '" '))
    YIELD node
  MATCH (d:Document {id: node.doc})-[:HAS_TASK]->(node)
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  RETURN d, node AS t
  UNION ALL
  // otherwise the documents in scope (with a region, those ABOUT one of its regions) and their tasks
  UNWIND CASE WHEN NOT indexed AND $region IS NULL THEN [true] ELSE [] END AS everything
  MATCH (d:Document)
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  MATCH (d)-[:HAS_TASK]->(t:Task)
  RETURN d, t
  UNION ALL
  UNWIND CASE WHEN NOT indexed THEN scope ELSE [] END AS rid
  MATCH (:Region {id: rid})<-[:ABOUT]-(about:Document)
  WITH DISTINCT about.id AS did
  MATCH (d:Document {id: did})
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  MATCH (d)-[:HAS_TASK]->(t:Task)
  RETURN d, t
}
WITH d, t, words
WHERE all(w IN words WHERE toLower(t.text) CONTAINS w OR toLower(coalesce(t.title, '')) CONTAINS w)
WITH d, t, words, toLower(t.text) AS text, toLower(coalesce(t.title, '')) AS title
WITH d, t, text,
     reduce(s = 0, w IN words | s + 3 * ((size(title) - size(replace(title, w, ''))) / size(w))
                                  + (size(text) - size(replace(text, w, ''))) / size(w)) AS score,
     size(split(text, words[0])[0]) AS at
RETURN score, d.year AS year, d.title AS document, t.number AS number, coalesce(t.title, left(t.text, 40)) AS task,
       substring(t.text, CASE WHEN at > 20 THEN at - 20 ELSE 0 END, 80) AS snippet, t.id AS id
ORDER BY score DESC, year DESC, t.order, t.id
LIMIT $limit
