// name: compare-documents
// description: Two plans of one issuer side by side: tasks continuing (linked by CONTINUES, directly or through
// description: plans in between), new in the later plan, dropped from the earlier one. Defaults: the issuer's two latest.
// description: A plan's title is shown with its year when the title does not say it (政府工作报告 (2021)).
// param: issuer: string  -- the issuing agency: its name or alias, or the issuer as the document writes it
// param: earlier: int = null  -- year of the earlier plan; the one before the later plan when null
// param: later: int = null  -- year of the later plan; the issuer's latest when null
// columns: status, earlier_number, earlier_task, later_number, later_task, score, earlier_id, later_id, earlier_doc, later_doc
// example: --param issuer=浙江省科学技术厅
OPTIONAL MATCH (u:Unit)
WHERE u.name = $issuer OR $issuer IN coalesce(u.aliases, [])
OPTIONAL MATCH (u)<-[:ISSUED_BY]-(ud:Document)
WITH collect(ud) AS byUnit
OPTIONAL MATCH (nd:Document {issuer: $issuer})
WITH byUnit, collect(nd) AS byName
WITH byUnit + byName AS found
UNWIND found AS found_doc
WITH DISTINCT found_doc AS d
WITH d ORDER BY d.year DESC, d.date DESC, d.id
WITH collect(d) AS docs
WITH docs, [x IN docs WHERE $later IS NULL OR x.year = $later][0] AS later
WITH later, [x IN docs WHERE x.id <> later.id
               AND ($earlier IS NULL OR x.year = $earlier)
               AND (x.year < later.year OR (x.year = later.year AND coalesce(x.date, '') < coalesce(later.date, '')))][0] AS earlier
WHERE later IS NOT NULL AND earlier IS NOT NULL
OPTIONAL MATCH (later)-[:HAS_TASK]->(n:Task)
WITH earlier, later, collect(n) AS news
OPTIONAL MATCH (earlier)-[:HAS_TASK]->(o:Task)
OPTIONAL MATCH path = (o)-[:CONTINUES*1..4]->(c:Task)<-[:HAS_TASK]-(later)
WITH earlier, later, news, o, c,
     max(reduce(s = 1.0, r IN relationships(path) | CASE WHEN coalesce(r.score, 1.0) < s THEN coalesce(r.score, 1.0) ELSE s END)) AS score
WITH earlier, later, news,
     collect(CASE WHEN o IS NULL THEN NULL ELSE {
       o_id: o.id, o_number: o.number, o_task: coalesce(o.title, o.text), o_order: o.order,
       n_id: c.id, n_number: c.number, n_task: coalesce(c.title, c.text), n_order: c.order,
       score: CASE WHEN c IS NULL THEN NULL ELSE score END } END) AS pairs
WITH earlier, later, news, pairs, [p IN pairs WHERE p.n_id IS NOT NULL | p.n_id] AS continued
WITH earlier, later,
     pairs + [x IN news WHERE NOT x.id IN continued |
              {o_id: NULL, o_number: NULL, o_task: NULL, o_order: NULL,
               n_id: x.id, n_number: x.number, n_task: coalesce(x.title, x.text), n_order: x.order, score: NULL}] AS rows
UNWIND rows AS row
WITH earlier, later, row,
     CASE WHEN row.o_id IS NULL THEN 'new' WHEN row.n_id IS NULL THEN 'dropped' ELSE 'continuing' END AS status
RETURN status, row.o_number AS earlier_number, row.o_task AS earlier_task, row.n_number AS later_number,
       row.n_task AS later_task, row.score AS score, row.o_id AS earlier_id, row.n_id AS later_id,
       // a title that does not say its year gets it beside it (two plans titled 政府工作报告 read apart;
       // the issuer is the one asked for): the rule of policykg.ontology.titles, for the year
       earlier.title + CASE WHEN earlier.year IS NULL OR earlier.title CONTAINS toString(earlier.year) THEN ''
                            ELSE ' (' + toString(earlier.year) + ')' END AS earlier_doc,
       later.title + CASE WHEN later.year IS NULL OR later.title CONTAINS toString(later.year) THEN ''
                          ELSE ' (' + toString(later.year) + ')' END AS later_doc
ORDER BY CASE status WHEN 'continuing' THEN 0 WHEN 'dropped' THEN 1 ELSE 2 END,
         coalesce(row.o_order, row.n_order), row.n_order
