"""Writes: upload a plan (loaded as ``policykg load`` loads it) and delete a document; both need the API key.

No key configured (``POLICYKG_API_KEY`` unset) means writes are disabled (403); a
missing or wrong key is 401. The key goes in ``X-API-Key`` or ``Authorization: Bearer``.
The upload is the raw file as the body, its name in ``?filename=`` (the suffix picks
the reader); the body size limit applies before it is read.
"""

from __future__ import annotations

import hmac
import tempfile
from pathlib import Path, PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from policykg.api import present
from policykg.api.context import ApiContext, get_context
from policykg.api.models import Loaded
from policykg.api.problems import Problem, problem_responses
from policykg.api.storeerrors import store_errors
from policykg.kg import SUPPORTED_SUFFIXES
from policykg.ontology.terms import Label
from policykg.queries.entities import exists

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]


def require_key(request: Request, ctx: Ctx) -> None:
    expected = ctx.settings.api_key
    if not expected:
        raise Problem(403, "writes are disabled: the server has no API key (set POLICYKG_API_KEY to enable them)")
    given = request.headers.get("x-api-key") or ""
    auth = request.headers.get("authorization") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise Problem(401, "this write needs the API key in X-API-Key (or Authorization: Bearer …)",
                      headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Problem(401, "the API key is wrong", headers={"WWW-Authenticate": "Bearer"})


Writer = Annotated[None, Depends(require_key)]
#: A file name's UTF-8 bytes: file systems allow 255, and the temporary folder's name goes on top.
MAX_NAME_BYTES = 200


def checked_filename(filename: str) -> str:
    """The upload's file name, or a 400 saying what is wrong with it (before any file is made).

    A NUL, a control character, a path part (``/``, ``\\``, ``..``) or a name over 200 UTF-8
    bytes (66 CJK characters) had reached the file system and answered 500 (issue 22).
    """
    if any(ord(c) < 32 or ord(c) == 127 for c in filename):
        raise Problem(400, "the file name holds a control character (NUL, newline, …); give a plain file name")
    if "/" in filename or "\\" in filename or filename in (".", ".."):
        raise Problem(400, "give the file's name alone, without folders (no / or \\)")
    if len(filename.encode("utf-8")) > MAX_NAME_BYTES:
        raise Problem(400, f"the file name is over {MAX_NAME_BYTES} bytes in UTF-8 (a Chinese character takes 3); "
                           "shorten it")
    return filename


@router.post("/documents", status_code=201, response_model=Loaded, tags=["documents"], operation_id="upload_document",
             responses=problem_responses(400, 401, 403, 413, 422),
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def upload(request: Request, ctx: Ctx, _: Writer,
                 filename: Annotated[str, Query(min_length=1, max_length=200,
                                                description="the file's name; its suffix (.txt, .html, .docx, .pdf, .xlsx, .csv) picks the reader")]
                 ) -> Loaded:
    """Upload one plan file and load it (replacing an earlier load of the same text)."""
    name = checked_filename(filename)
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise Problem(400, f"cannot read {name!r}: the suffix must be one of {', '.join(SUPPORTED_SUFFIXES)}")
    body = await request.body()
    if not body:
        raise Problem(400, "the body is empty: send the file's bytes")

    def load() -> Loaded:
        with tempfile.TemporaryDirectory(prefix="policykg-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(body)
            with store_errors():
                result = ctx.kg.load([path])[0]
        ctx.changed()
        if not result.ok or result.doc_id is None:
            raise Problem(400, f"cannot load {name!r}: {(result.error or 'unknown reason').replace(folder, '')}")
        return Loaded(id=result.doc_id, iri=str(ctx.iris.entity(Label.DOCUMENT, result.doc_id)),
                      href=present.href(Label.DOCUMENT, result.doc_id), title=result.title,
                      tasks=result.tasks, targets=result.targets)

    return await run_in_threadpool(load)


@router.delete("/documents/{id}", status_code=204, tags=["documents"], operation_id="delete_document",
               responses=problem_responses(401, 403, 404, 422))
def delete(ctx: Ctx, _: Writer, id: str) -> Response:  # noqa: A002 - the documented path parameter
    """Delete a document and what only it contributed."""
    with store_errors():
        if not exists(ctx.kg.store, Label.DOCUMENT, id):
            raise Problem(404, f"no document with id {id!r}")
        ctx.kg.delete_document(id)
    ctx.changed()
    return Response(status_code=204)
