"""The RDF view follows the store document by document (policykg/api/rdfview.py, viewgraphs.py).

After a delete, a load and a reload with other text, the incrementally updated view
holds exactly the quads (graph names included) of a view built from scratch on the same
store, it did so without a full rebuild, and SPARQL sees the change. The 2015 and 2021
Zhejiang plans share an agency, so these changes also re-link CONTINUES edges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.api.rdfview import RdfView
from policykg.graph.writer import write_extraction
from policykg.kg import KnowledgeGraph
from policykg.loaders import extract_file
from policykg.ontology.iris import Iris
from policykg.ontology.vocab import PREFIXES

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
ZJ_2015 = PLANS / "000_fdc3c1f19ab8be5b.txt"
ZJ_2021 = PLANS / "002_129a113f7429b372.txt"
IRIS = Iris("https://example.org/kg")


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph.open(tmp_path_factory.mktemp("rdfview-store"))
    results = graph.load([PLANS])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    yield graph
    graph.close()


def quads(view: RdfView) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in view.current().quads_for_pattern(None, None, None)}


def assert_like_a_full_build(view: RdfView, kg: KnowledgeGraph) -> None:
    got = quads(view)
    assert view.info is not None and view.info.how == "incremental" and view.info.documents_changed == 1
    assert got == quads(RdfView(kg.store, IRIS, freshness=0))
    triples = Counter((s, p, o) for s, p, o, _ in got)
    assert [t for t, n in triples.items() if n > 1] == []  # no triple in two graphs: the union counts each once


def ask(view: RdfView, pattern: str) -> bool:
    return bool(view.query(f"ASK {{ {pattern} }}", PREFIXES))


def test_the_view_follows_a_delete_a_load_and_a_reload_incrementally(kg: KnowledgeGraph) -> None:
    view = RdfView(kg.store, IRIS, freshness=0)
    view.current()
    assert view.info is not None and view.info.how == "full"
    continues = "?a pkg:continues ?b"
    assert ask(view, continues)  # the two Zhejiang plans are linked

    doc_2015 = extract_file(ZJ_2015).document.id
    doc_iri = f"<{IRIS.entity('Document', doc_2015)}>"
    kg.delete_document(doc_2015)
    assert not ask(view, f"{doc_iri} a pkg:Document")
    assert not ask(view, continues)  # its CONTINUES edges went with it
    assert_like_a_full_build(view, kg)

    assert all(r.ok for r in kg.load([ZJ_2015]))
    assert ask(view, f"{doc_iri} a pkg:Document") and ask(view, continues)
    assert_like_a_full_build(view, kg)

    changed = extract_file(ZJ_2021)
    changed.document.sha256 = "0" * 64
    changed.tasks[0].text = "建设量子计算未来实验室。"
    write_extraction(kg.store, changed)
    assert ask(view, '?t dcterms:description "建设量子计算未来实验室。"@zh')
    assert_like_a_full_build(view, kg)


def test_an_ad_hoc_write_rebuilds_the_view_whole(kg: KnowledgeGraph) -> None:
    view = RdfView(kg.store, IRIS, freshness=0)
    view.current()
    kg.cypher("CREATE (:Region {id: 'region-view-test', name: '视图测试区'})", write=True)
    try:
        assert ask(view, '?r skos:prefLabel "视图测试区"@zh')
        assert view.info is not None and view.info.how == "full"
    finally:
        kg.cypher("MATCH (r:Region {id: 'region-view-test'}) DETACH DELETE r", write=True)
