// name: node-degrees
// description: How many relationships each given node has, in either direction: what policykg viz --around
// description: says a node holds beyond the page (a region or indicator it does not open, a node past its budget).
// param: ids: list  -- node ids (comma-separated on the command line)
// columns: id, degree
// example: --param ids=doc-6c90a7d6afc0752d-t4
// Each id is looked up in the unique id index of every label (an id does not say its label).
UNWIND $ids AS given
WITH DISTINCT given AS id
OPTIONAL MATCH (n0:Document {id: id})
OPTIONAL MATCH (n1:Section {id: id})
OPTIONAL MATCH (n2:Task {id: id})
OPTIONAL MATCH (n3:Unit {id: id})
OPTIONAL MATCH (n4:Person {id: id})
OPTIONAL MATCH (n5:Indicator {id: id})
OPTIONAL MATCH (n6:Target {id: id})
OPTIONAL MATCH (n7:Region {id: id})
WITH id, coalesce(n0, n1, n2, n3, n4, n5, n6, n7) AS a
WHERE a IS NOT NULL
RETURN id, COUNT { (a)--() } AS degree
