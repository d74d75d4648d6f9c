// name: regions
// description: The regions in the graph with their parent (桐乡市 -> 嘉兴市 -> 浙江省), documents about them and units in them.
// param: within: string = null  -- only this region and the regions inside it
// columns: region, level, parent, documents, units, path
// example: --param within=浙江省
MATCH (r:Region)
WHERE CASE WHEN $within IS NULL THEN true ELSE EXISTS { MATCH (r)-[:PART_OF*0..]->(:Region {name: $within}) } END
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
WITH r, head(collect(p.name)) AS parent
OPTIONAL MATCH path = (r)-[:PART_OF*0..]->(top:Region)
WHERE NOT EXISTS { (top)-[:PART_OF]->(:Region) }
WITH r, parent, head(collect([n IN reverse(nodes(path)) | n.name])) AS names
RETURN r.name AS region, r.level AS level, parent,
       COUNT { (:Document)-[:ABOUT]->(r) } AS documents, COUNT { (:Unit)-[:IN]->(r) } AS units,
       coalesce(reduce(s = '', n IN names | s + CASE WHEN s = '' THEN '' ELSE ' > ' END + n), r.name) AS path
ORDER BY path
