"""The error taxonomy: redaction, (de)serialisation, exit codes, hints."""

from __future__ import annotations

import pytest

from studio.core import errors
from studio.core.errors import (
    AuthError,
    Cancelled,
    ContentRejected,
    Expired,
    InvalidRequest,
    LostSubmission,
    MediaError,
    ModelShutDown,
    ModelUnavailable,
    NotCancellable,
    ProjectError,
    QuotaError,
    RateLimited,
    StorageError,
    StudioError,
    TransientError,
    action_hint,
    error_from_dict,
    redact,
    register_secret,
)

# Key-shaped values are assembled at run time so that no key-shaped literal sits in this file.
ALNUM = "Ab3dE5gH7jK9mN1pQ2"


def fake(prefix: str, body: str = ALNUM) -> str:
    return prefix + body


@pytest.fixture(autouse=True)
def _clean_known_secrets():
    saved = set(errors._known_secrets)
    errors._known_secrets.clear()
    yield
    errors._known_secrets.clear()
    errors._known_secrets.update(saved)


# -- redaction ---------------------------------------------------------------------------


def test_registered_secret_is_removed_everywhere_it_appears():
    secret = "plain" + "secretvalue" + "42"
    register_secret(secret)
    text = f"first {secret} and again {secret}!"
    out = redact(text)
    assert secret not in out
    assert out == "first *** and again ***!"


def test_short_or_empty_values_are_not_registered():
    register_secret("abc")
    register_secret("")
    register_secret(None)
    assert errors._known_secrets == set()
    # registering a tiny value must not shred ordinary text
    assert redact("abc abc") == "abc abc"


def test_bearer_token_is_redacted_keeping_the_scheme_word():
    token = fake("tok", "9f8e7d6c5b4a")
    out = redact(f"Authorization header was Bearer {token} (rejected)")
    assert token not in out
    assert "Bearer ***" in out
    assert out.endswith("(rejected)")


def test_lowercase_bearer_is_redacted_too():
    token = fake("xyz", "123456789")
    assert token not in redact("bearer " + token)


@pytest.mark.parametrize(
    "prefix",
    ["r8" + "_", "sk" + "-", "sk" + "-proj-", "AI" + "za"],
    ids=["replicate", "openai", "openai-project", "google"],
)
def test_key_shaped_tokens_are_redacted(prefix):
    key = fake(prefix)
    out = redact(f"request failed for key {key} at 12:00")
    assert key not in out
    assert ALNUM not in out
    assert "***" in out
    assert out.startswith("request failed for key ")
    assert out.endswith(" at 12:00")


def test_api_key_assignments_are_redacted():
    value = fake("val", "0123456789")
    for label, sep in (("api" + "_key", "="), ('"token"', ': "'), ("x-goog-api-" + "key", ": ")):
        text = label + sep + value
        out = redact(text)
        assert value not in out, text
        assert "***" in out


def test_ordinary_text_is_left_alone():
    text = "The prompt is 4001 characters; Veo takes at most 4000. sketch-of-a-cat r8 sk"
    assert redact(text) == text


def test_error_messages_and_details_are_redacted_on_construction():
    key = fake("r8" + "_")
    secret = "registered" + "Secret" + "99"
    register_secret(secret)
    err = AuthError(f"Key {key} was refused", detail=f"server said {secret}")
    assert key not in err.user_message
    assert key not in str(err)
    assert secret not in err.detail
    assert key not in repr(err.to_dict())


# -- serialisation -----------------------------------------------------------------------

SAMPLES = [
    InvalidRequest("Bad duration.", field="duration", allowed=[4, 8], detail="d"),
    AuthError("No key.", detail="401"),
    QuotaError("No credit.", detail="402"),
    RateLimited("Slow down.", retry_after=12.5, detail="429"),
    ContentRejected("Refused.", input_name="first_frame", reason="people", detail="E005"),
    ModelUnavailable("Retired."),
    ModelShutDown("Shut down.", detail="model_not_found"),
    TransientError("Server error.", detail="502"),
    Expired("Gone."),
    Cancelled("Cancelled."),
    NotCancellable("Not now."),
    MediaError("Unreadable."),
    ProjectError("Malformed.", field="duration"),
    StorageError("The disk is full.", exit_code=5),
    LostSubmission("Lost."),
]


def test_samples_cover_every_registered_kind():
    assert {type(e) for e in SAMPLES} == set(errors._KINDS.values())


@pytest.mark.parametrize("err", SAMPLES, ids=lambda e: e.kind)
def test_error_from_dict_round_trips_every_kind(err):
    data = err.to_dict()
    back = error_from_dict(data)
    assert type(back) is type(err)
    assert back.to_dict() == data
    assert back.user_message == err.user_message
    assert back.detail == err.detail


def test_round_trip_keeps_kind_specific_fields():
    rl = error_from_dict(RateLimited("x", retry_after=3.0).to_dict())
    assert rl.retry_after == 3.0
    cr = error_from_dict(ContentRejected("x", input_name="prompt", reason="violence").to_dict())
    assert (cr.input_name, cr.reason) == ("prompt", "violence")
    ir = error_from_dict(InvalidRequest("x", field="aspect_ratio", allowed=("16:9", "9:16")).to_dict())
    assert ir.field == "aspect_ratio"
    assert ir.allowed == ["16:9", "9:16"]


def test_unknown_kind_becomes_a_plain_studio_error():
    err = error_from_dict({"kind": "martian", "message": "Odd."})
    assert type(err) is StudioError
    assert err.user_message == "Odd."


def test_empty_dict_gives_a_generic_sentence():
    err = error_from_dict({})
    assert type(err) is StudioError
    assert err.user_message


def test_to_dict_is_json_safe():
    import json

    for err in SAMPLES:
        assert json.loads(json.dumps(err.to_dict())) == err.to_dict()


# -- exit codes and hints ----------------------------------------------------------------


@pytest.mark.parametrize(
    "cls, code",
    [
        (InvalidRequest, 2),
        (ContentRejected, 3),
        (AuthError, 4),
        (QuotaError, 4),
        (TransientError, 5),
        (RateLimited, 5),
        (Cancelled, 130),
        (ModelUnavailable, 2),
        (ModelShutDown, 5),
    ],
)
def test_exit_codes(cls, code):
    assert cls.exit_code == code
    assert cls("x").exit_code == code


def test_every_kind_has_a_distinct_kind_string():
    kinds = [cls.kind for cls in errors._KINDS.values()]
    assert len(kinds) == len(set(kinds))


def test_action_hints_are_specific():
    assert "key" in action_hint(AuthError("x")).lower()
    assert action_hint(Cancelled("x")) == ""
    assert action_hint(NotCancellable("x")) == ""  # its sentence says when it can be cancelled
    assert "another model" in action_hint(ModelUnavailable("x")).lower()
    assert action_hint(StudioError("x")) == "Retry"


def test_all_errors_are_studio_errors_and_exceptions():
    for err in SAMPLES:
        assert isinstance(err, StudioError)
        with pytest.raises(StudioError):
            raise err
