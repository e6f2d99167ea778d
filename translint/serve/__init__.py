"""``translint serve``: the library behind HTTP, for a CMS that gates a story with one call,
LanguageTool's clients, and the editor's page (the ``server`` extra: Starlette, uvicorn).

``engine`` checks without HTTP; ``app`` is the Starlette application; ``service`` what its
endpoints share; ``protocol`` bodies, errors and the token; ``results`` the /v1 JSON;
``glossary_api`` the glossary endpoints; ``languagetool`` the /v2 endpoints; ``metrics``
the Prometheus text; ``static/`` the editor's page. See docs/server.md.
"""
