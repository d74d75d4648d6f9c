"""Swagger UI at ``/docs``, its script and stylesheet served by the app itself: no CDN.

FastAPI's own pages load Swagger UI and ReDoc from jsdelivr, so offline (or behind a
firewall that allows only this server) ``/docs`` is a blank page, against the rule that
no page needs the network (issue 20). The files come from the PyPI package
``fastapi-offline`` (MIT; it ships the current Swagger UI 5 bundle and is updated with
it): a maintained package rather than copies in this repository that would age. Only its
static folder is used; the page is FastAPI's own, pointed at it, with Swagger UI's online
validator badge turned off (it would call validator.swagger.io). ReDoc is not served: its
bundle fetches its logo from cdn.redoc.ly, whatever the page says.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

#: Where the bundles are served from.
STATIC = "/static/apidocs"
DOCS = "/docs"


def install(app: FastAPI) -> None:
    """Add ``/docs`` (the app must be made with ``docs_url=None, redoc_url=None``)."""
    folder = resources.files("fastapi_offline") / "static"
    app.mount(STATIC, StaticFiles(directory=str(folder)), name="apidocs")
    openapi = app.openapi_url or "/openapi.json"

    @app.get(DOCS, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=openapi, title=f"{app.title} API", swagger_js_url=f"{STATIC}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{STATIC}/swagger-ui.css", swagger_favicon_url=f"{STATIC}/favicon.png",
                                   swagger_ui_parameters={"validatorUrl": None})
