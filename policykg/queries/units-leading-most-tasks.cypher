// name: units-leading-most-tasks
// description: Units that lead the most tasks, optionally within a region and year range.
// description: A task's region is its document's ABOUT region; region is the unit's own (or its agency's) region.
// param: region: string = null  -- a region name; exact unless within=true
// param: within: bool = false  -- also count documents about sub-regions of region
// param: from: int = null  -- first document year
// param: to: int = null  -- last document year
// param: collective: bool = false  -- include collective mentions such as 有关处室
// param: limit: int = 50  -- at most this many units
// columns: unit, agency, region, tasks
// Over the whole graph the ranking is read from the writer's counters (graph/tallies.py: tasks led per unit and
// year), a few thousand small nodes; with a region, from the documents in scope. Agency and region are looked up
// only for the units that can make the top $limit (ties at the cut included).
// example: --param region=浙江省 --param limit=10
OPTIONAL MATCH (top:Region {name: $region})
OPTIONAL MATCH (top)<-[:PART_OF*0..]-(sub:Region)
WHERE $within OR sub = top
WITH collect(DISTINCT sub.id) AS scope
CALL (scope) {
  UNWIND CASE WHEN $region IS NULL THEN [true] ELSE [] END AS whole
  // The count at the cut (the $limit-th largest; every unit tied with it passes), then the units at or above it:
  // two passes over the small tally nodes, no list of them all (a collect of thousands costs ArcadeDB more).
  CALL () {
    MATCH (c:UnitTally)
    WHERE $collective OR coalesce(c.collective, false) = false
    WITH CASE WHEN $from IS NULL AND $to IS NULL THEN c.total
              ELSE reduce(s = 0, k IN range(0, size(c.years) - 1) |
                     s + CASE WHEN c.years[k] >= 0 AND ($from IS NULL OR c.years[k] >= $from)
                                   AND ($to IS NULL OR c.years[k] <= $to) THEN c.counts[k] ELSE 0 END) END AS tasks
    RETURN tasks
    ORDER BY tasks DESC
    SKIP CASE WHEN $limit > 0 THEN $limit - 1 ELSE 0 END LIMIT 1
    UNION ALL
    RETURN 1 AS tasks
  }
  WITH whole, max(tasks) AS cut
  MATCH (c:UnitTally)
  WHERE $collective OR coalesce(c.collective, false) = false
  WITH c, cut, CASE WHEN $from IS NULL AND $to IS NULL THEN c.total
                    ELSE reduce(s = 0, k IN range(0, size(c.years) - 1) |
                           s + CASE WHEN c.years[k] >= 0 AND ($from IS NULL OR c.years[k] >= $from)
                                         AND ($to IS NULL OR c.years[k] <= $to) THEN c.counts[k] ELSE 0 END) END AS tasks
  WHERE tasks > 0 AND tasks >= cut
  RETURN c.id AS uid, tasks, [] AS docRegions, true AS whole
  UNION ALL
  // The documents in scope: those ABOUT one of the region's regions (never a scan of every document); a document
  // about two regions in scope is kept once by its id.
  UNWIND scope AS rid
  MATCH (:Region {id: rid})<-[:ABOUT]-(about:Document)
  WITH DISTINCT about.id AS did
  MATCH (d:Document {id: did})
  WHERE ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
  OPTIONAL MATCH (d)-[:ABOUT]->(dr:Region)
  WITH d, collect(dr) AS drs
  MATCH (d)-[:HAS_TASK]->(t:Task)<-[:LEADS]-(u:Unit)
  WHERE $collective OR coalesce(u.collective, false) = false
  UNWIND CASE WHEN size(drs) = 0 THEN [NULL] ELSE drs END AS docRegion
  WITH u, count(DISTINCT t) AS tasks, collect(DISTINCT docRegion.name) AS docRegions
  RETURN u.id AS uid, tasks, docRegions, false AS whole
}
WITH uid, tasks, docRegions, whole
ORDER BY tasks DESC
WITH collect({uid: uid, tasks: tasks, docRegions: docRegions, whole: whole}) AS ranked
WITH ranked, CASE WHEN $limit > 0 AND size(ranked) > $limit THEN ranked[$limit - 1].tasks ELSE 0 END AS cut
UNWIND ranked AS x
WITH x, cut
WHERE x.tasks >= cut
MATCH (u:Unit {id: x.uid})
OPTIONAL MATCH (u)-[:PART_OF]->(a:Unit)
OPTIONAL MATCH (u)-[:IN]->(ur:Region)
OPTIONAL MATCH (a)-[:IN]->(ar:Region)
WITH u, x, head(collect(a.name)) AS agency, head(collect(ur.name)) AS unitRegion, head(collect(ar.name)) AS agencyRegion
WITH u, x.tasks AS tasks, agency, coalesce(unitRegion, agencyRegion, head(x.docRegions)) AS region, x.whole AS whole
// Over the whole graph a unit with no region of its own or of its agency takes its documents' (as with a region).
RETURN u.name AS unit, agency,
       CASE WHEN region IS NULL AND whole
            THEN head([(u)-[:LEADS]->(:Task)<-[:HAS_TASK]-(:Document)-[:ABOUT]->(r:Region) | r.name]) ELSE region END
         AS region, tasks
ORDER BY tasks DESC, unit, agency
LIMIT $limit
