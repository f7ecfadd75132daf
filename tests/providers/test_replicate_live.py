"""One call against the real Replicate API: free endpoints only (account, model schema).

Skipped unless STUDIO_LIVE_TESTS=1 and REPLICATE_API_TOKEN is set.
"""

from __future__ import annotations

import os

import pytest

from studio.providers.replicate import ReplicateProvider

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        os.environ.get("STUDIO_LIVE_TESTS") != "1" or not os.environ.get("REPLICATE_API_TOKEN"),
        reason="live test: set STUDIO_LIVE_TESTS=1 and REPLICATE_API_TOKEN",
    ),
]


async def test_live_account_and_veo_fast_schema():
    provider = ReplicateProvider(os.environ["REPLICATE_API_TOKEN"], base_url="https://api.replicate.com")
    try:
        assert (await provider.check_credentials()).startswith("Replicate account: ")
        spec = await provider.fetch_model_spec("google/veo-3.1-fast")
        assert spec.params.get("duration") == "duration" and 8 in spec.durations.choices
        assert "first_frame" in spec.inputs
    finally:
        await provider.aclose()
