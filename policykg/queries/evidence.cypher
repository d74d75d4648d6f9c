// name: evidence
// description: The sentences behind a task, a target or an assignment: document, [start, end) span and quoted text.
// description: For a task id: the task, who leads/supports/is responsible (and the mention as written), its targets.
// param: id: string  -- a task id or a target id (as shown by task-search, unit-portfolio, ...)
// param: unit: string = null  -- only this unit's assignment on the task (name or alias)
// param: person: string = null  -- only this person's responsibility for the task
// columns: kind, subject, mention, document, year, span, evidence
// example: --param id=doc-6c90a7d6afc0752d-t4
OPTIONAL MATCH (t:Task {id: $id})
OPTIONAL MATCH (own:Target {id: $id})
WITH t, own, $unit IS NULL AND $person IS NULL AS everything
OPTIONAL MATCH (s)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->(t)
WHERE everything
   OR ($unit IS NOT NULL AND s:Unit AND (s.name = $unit OR $unit IN coalesce(s.aliases, [])))
   OR ($person IS NOT NULL AND s:Person AND s.name = $person)
WITH t, own, everything, s, r
ORDER BY CASE type(r) WHEN 'LEADS' THEN 0 WHEN 'SUPPORTS' THEN 1 ELSE 2 END, s.name
WITH t, own, everything,
     collect(CASE WHEN r IS NULL THEN NULL ELSE
       {kind: toLower(type(r)), subject: s.name, mention: r.mention, doc: r.doc, span: r.span, evidence: r.evidence} END) AS assignments
OPTIONAL MATCH (t)-[:HAS_TARGET]->(g:Target)
WITH t, own, everything, assignments, collect(g) AS targets
WITH [x IN [t] WHERE x IS NOT NULL AND everything |
        {kind: 'task', subject: coalesce(x.title, x.text), mention: x.number, doc: x.doc, span: x.span, evidence: x.evidence}]
     + assignments
     + [g IN targets + [own] WHERE g IS NOT NULL AND everything |
        {kind: g.kind, subject: g.raw, mention: g.indicator, doc: g.doc, span: g.span, evidence: g.evidence}] AS items
UNWIND range(0, size(items) - 1) AS k
WITH k, items[k] AS e
OPTIONAL MATCH (d:Document {id: e.doc})
RETURN e.kind AS kind, e.subject AS subject, e.mention AS mention, d.title AS document, d.year AS year,
       e.span AS span, e.evidence AS evidence
ORDER BY k
