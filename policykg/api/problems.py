"""Errors as RFC 9457 problem details (``application/problem+json``), never a stack trace.

Every failure the API reports goes through ``Problem``: a status, a short title, a
``detail`` that says what was wrong and what to do, and the request path as
``instance``. Unexpected exceptions become a bare 500 problem; the trace goes to the log.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("policykg.api")


class ProblemModel(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(self, status: int, detail: str, *, headers: dict[str, str] | None = None,
                 errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers
        self.errors = errors


def problem_response(request: Request, status: int, detail: str, *, headers: dict[str, str] | None = None,
                     errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = ProblemModel(title=HTTPStatus(status).phrase, status=status, detail=detail,
                        instance=request.url.path, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers,
                        media_type=PROBLEM_JSON)


#: The problem responses every operation may give, for the OpenAPI document.
def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ProblemModel, "description": HTTPStatus(s).phrase,
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemModel"}}}}
            for s in statuses}


def _jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]


def install(app: FastAPI) -> None:
    """Route every error path through problem details."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(request, exc.status, exc.detail, headers=exc.headers, errors=exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}; the API is described at /docs"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return problem_response(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _jsonable_errors(exc)
        where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem_response(request, 422, f"the request is not valid: {where}", errors=errors)

    @app.exception_handler(RecursionError)
    async def _too_deep(request: Request, exc: RecursionError) -> JSONResponse:
        # a request body nested thousands of levels deep exhausts the parser's recursion: the caller's fault
        return problem_response(request, 400, "the request is nested too deeply; flatten it")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(request, 500, "internal error; the server log has the details")
