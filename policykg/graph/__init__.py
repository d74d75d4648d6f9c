"""The graph layer: stores behind one Bolt client, schema, batched writes, exports.

It is the only package that writes Cypher; loaders hand it Extraction records.
"""

from policykg.graph.store import GraphStore, StoreError, open_store

__all__ = ["GraphStore", "StoreError", "open_store"]
