"""OpenAI's Videos API (Sora 2; shut down by OpenAI on 2026-09-24, still spoken by gateways).

:class:`OpenAIVideosProvider` implements the Provider protocol over our own transport (see
:mod:`.provider` for why not the SDK); :func:`fit_reference` makes the first frame exactly
the requested size, as the API demands.
"""

from .provider import BASE_URL_ENV, DEFAULT_BASE_URL, REMIX_PARAM, OpenAIVideosProvider
from .reference import fit_reference

__all__ = ["BASE_URL_ENV", "DEFAULT_BASE_URL", "REMIX_PARAM", "OpenAIVideosProvider", "fit_reference"]
