// name: documents
// description: The loaded documents, newest first, optionally by region (its ABOUT region), year range, kind or issuer.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also list documents about sub-regions of region
// param: from: int = null  -- first year
// param: to: int = null  -- last year
// param: kind: string = null  -- plan, responsibility-plan, summary, status-table, national-division
// param: issuer: string = null  -- the issuing agency as written or resolved (substring)
// param: offset: int = 0  -- skip this many documents (paging, in the listed order)
// param: limit: int = null  -- at most this many documents (a page); all when null
// columns: id, title, issuer, region, year, date, kind, tasks, source
// example: --param region=浙江省 --param within=true
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
WITH d
WHERE ($kind IS NULL OR d.kind = $kind)
  AND CASE WHEN $issuer IS NULL THEN true
           ELSE coalesce(d.issuer, '') CONTAINS $issuer
                OR EXISTS { MATCH (d)-[:ISSUED_BY]->(iu:Unit) WHERE iu.name CONTAINS $issuer } END
// A page is cut before anything is looked up per document: the cost follows the page, not the store.
WITH d
ORDER BY d.year DESC, d.date DESC, d.id
SKIP $offset LIMIT coalesce($limit, 1000000000)
OPTIONAL MATCH (d)-[:ABOUT]->(r:Region)
OPTIONAL MATCH (d)-[:ISSUED_BY]->(u:Unit)
WITH d, head(collect(DISTINCT r.name)) AS region, head(collect(DISTINCT u.name)) AS agency
RETURN d.id AS id, d.title AS title, coalesce(agency, d.issuer) AS issuer, coalesce(region, d.region) AS region,
       d.year AS year, d.date AS date, d.kind AS kind, COUNT { (d)-[:HAS_TASK]->(:Task) } AS tasks, d.source AS source
ORDER BY year DESC, date DESC, id
