"""How ``policykg serve`` runs uvicorn (policykg/api/server.py): the fast loop and parser, and a frozen start-up heap.

bench/api.py measures what these buy; here only that they are in effect.
"""

from __future__ import annotations

import gc

from policykg.api import server


def test_serve_asks_for_uvloop_and_httptools_which_the_project_installs() -> None:
    assert server.loop_name() == "uvloop"
    assert server.http_name() == "httptools"


def test_startup_objects_are_frozen_out_of_later_collections() -> None:
    gc.unfreeze()
    try:
        survivor = [object() for _ in range(1000)]
        server.freeze_startup_objects()
        assert gc.get_freeze_count() >= len(survivor)
        assert not any(o is survivor for o in gc.get_objects())  # frozen objects are not walked
    finally:
        gc.unfreeze()
