"""Loaders: file bytes -> text -> format detection -> structure -> Extraction records.

Loaders never touch a store; they hand plain records to ``policykg.graph``.
"""

from policykg.loaders.errors import LoaderError
from policykg.loaders.pipeline import extract_file, extract_text

__all__ = ["LoaderError", "extract_file", "extract_text"]
