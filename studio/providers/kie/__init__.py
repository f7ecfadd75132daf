"""Kie.ai's market jobs API (``createTask``/``recordInfo``): Sora 2 (paused since ~June 2026),
Kling and other market video models, each a catalog entry.

:class:`KieProvider` implements the Provider protocol over our transport; images go through
Kie's file upload API first, because Kie takes URLs only.
"""

from .provider import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_UPLOAD_BASE_URL, UPLOAD_BASE_URL_ENV, KieProvider

__all__ = ["BASE_URL_ENV", "DEFAULT_BASE_URL", "DEFAULT_UPLOAD_BASE_URL", "UPLOAD_BASE_URL_ENV", "KieProvider"]
