"""Replicate (replicate.com): Veo 3.1, Kling and any other model through one HTTP API.

All calls use raw ``httpx`` through :mod:`studio.providers._http`, not the ``replicate``
SDK (see :mod:`.provider` for why). :class:`ReplicateProvider` implements the Provider
protocol; :func:`fetch_model_spec` / :func:`spec_from_model_json` turn any Replicate
model's OpenAPI schema into a ModelSpec.
"""

from .provider import BASE_URL_ENV, DEFAULT_BASE_URL, ReplicateProvider
from .schema import fetch_model_spec, spec_from_model_json

__all__ = ["BASE_URL_ENV", "DEFAULT_BASE_URL", "ReplicateProvider", "fetch_model_spec", "spec_from_model_json"]
