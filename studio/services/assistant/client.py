"""Structured answers from an OpenAI-compatible endpoint, whichever API it speaks.

The Responses API is tried first (strict JSON schema via ``responses.parse``). An endpoint
that answers 404 there — Ollama, llama.cpp, LM Studio and vLLM builds without ``/responses``
— is asked through Chat Completions with a ``json_schema`` response format instead, and the
choice is remembered per base URL (see :class:`~.config.EndpointMemory`).

Retries: only the openai SDK retries HTTP failures (``max_retries``; 408, 409, 429 and 5xx
with exponential back-off, honouring ``Retry-After`` up to two minutes). This module never
retries a failed request itself; it asks once more only when an answer *arrived* but was
malformed or broke the schema, because asking again usually fixes that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import openai
from openai import AsyncOpenAI
from pydantic import BaseModel, ValidationError

from studio.core.errors import (
    AuthError,
    ContentRejected,
    InvalidRequest,
    ModelUnavailable,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
    redact,
)

from .config import CHAT, RESPONSES, AssistantConfig, EndpointMemory

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)


class MalformedAnswer(StudioError):
    """The text model answered twice with JSON that was broken or did not fit the schema."""

    kind = "malformed_answer"
    exit_code = 5


class _Malformed(Exception):
    """One unusable answer (asked again once)."""


class StructuredClient:
    """Ask a text model for one object of a Pydantic schema; every failure is one StudioError."""

    def __init__(self, config: AssistantConfig, memory: EndpointMemory | None = None) -> None:
        self.config = config
        self.memory = memory or EndpointMemory()
        self._client = AsyncOpenAI(
            # local servers take no key, but the SDK insists on one
            api_key=config.api_key or "no-key",
            base_url=config.base_url,
            max_retries=config.max_retries,
            timeout=config.timeout,
        )

    async def aclose(self) -> None:
        await self._client.close()

    @property
    def api(self) -> str:
        """The API this endpoint is asked through: ``responses`` or ``chat``."""
        return self.memory.api_for(self.config.base_url)

    async def ask(
        self,
        schema: type[T],
        *,
        instructions: str,
        text: str,
        image_url: str | None = None,
        check: Callable[[T], None] | None = None,
    ) -> T:
        """One ``schema`` object answering ``text`` under ``instructions``.

        ``check`` may raise ValueError for an answer that parses but is unusable (the wrong
        number of shots, say); that counts as malformed. Raises ContentRejected on a refusal,
        MalformedAnswer after two unusable answers, and the taxonomy's errors for HTTP failures.
        """
        problem = ""
        for _attempt in range(2):
            try:
                answer = await self._ask_once(schema, instructions, text, image_url)
                if check is not None:
                    check(answer)
                return answer
            except (_Malformed, ValidationError, ValueError) as exc:
                problem = redact(str(exc))[:300]
                log.warning("the text model's answer was unusable (%s); asking again", problem.splitlines()[0])
        raise MalformedAnswer(
            "The assistant's model answered twice with text that is not a usable prompt; "
            "try again, or pick another model in Settings → Assistant.",
            detail=problem,
        )

    async def _ask_once(self, schema: type[T], instructions: str, text: str, image_url: str | None) -> T:
        try:
            if self.api == RESPONSES:
                try:
                    return await self._via_responses(schema, instructions, text, image_url)
                except openai.NotFoundError as exc:
                    if _names_model(exc):
                        raise
                    log.info("%s has no /responses; using Chat Completions from now on", self.config.endpoint_label)
                    self.memory.remember(self.config.base_url, CHAT)
            return await self._via_chat(schema, instructions, text, image_url)
        except openai.LengthFinishReasonError as exc:
            raise _Malformed("the answer was cut off at the output limit") from exc
        except openai.ContentFilterFinishReasonError:
            raise ContentRejected(
                "The assistant's model refused this text (its content filter stopped the answer); change the idea and try again.",
                input_name="prompt",
            ) from None
        except openai.APIError as exc:
            raise self._map_error(exc) from None

    async def _via_responses(self, schema: type[T], instructions: str, text: str, image_url: str | None) -> T:
        content: list[dict[str, Any]] = [{"type": "input_text", "text": text}]
        if image_url:
            content.append({"type": "input_image", "image_url": image_url, "detail": "auto"})
        response = await self._client.responses.parse(
            model=self.config.model,
            instructions=instructions,
            input=[{"role": "user", "content": content}],
            text_format=schema,
            store=False,
        )
        for item in response.output or []:
            if getattr(item, "type", None) != "message":
                continue
            for part in item.content or []:
                if getattr(part, "type", None) == "refusal":
                    raise _refusal(getattr(part, "refusal", ""))
        parsed = response.output_parsed
        if parsed is None:
            status = getattr(response, "status", None)
            raise _Malformed(f"no structured answer (response status {status})")
        return parsed

    async def _via_chat(self, schema: type[T], instructions: str, text: str, image_url: str | None) -> T:
        user: Any = text
        if image_url:
            user = [{"type": "text", "text": text}, {"type": "image_url", "image_url": {"url": image_url}}]
        completion = await self._client.chat.completions.parse(
            model=self.config.model,
            messages=[{"role": "system", "content": instructions}, {"role": "user", "content": user}],
            response_format=schema,
        )
        if not completion.choices:
            raise _Malformed("the answer held no choices")
        message = completion.choices[0].message
        if message.refusal:
            raise _refusal(message.refusal)
        if message.parsed is None:
            raise _Malformed("no structured answer")
        return message.parsed

    def _map_error(self, exc: openai.APIError) -> StudioError:
        where = self.config.endpoint_label
        detail = redact(str(exc))[:500]
        if isinstance(exc, openai.APITimeoutError):
            return TransientError(f"The assistant's endpoint ({where}) did not answer in time; try again.", detail=detail)
        if isinstance(exc, openai.APIConnectionError):
            return TransientError(
                f"Studio cannot reach the assistant's endpoint ({where}); check the address in Settings or STUDIO_OPENAI_BASE_URL.",
                detail=detail,
            )
        status = getattr(exc, "status_code", None)
        code = _error_code(exc)
        if isinstance(exc, openai.AuthenticationError):
            return AuthError("The assistant's endpoint refused the key; check the OpenAI key in Settings.", detail=detail)
        if isinstance(exc, openai.PermissionDeniedError):
            return AuthError(f"The key has no access to the model {self.config.model}; pick another in Settings → Assistant.", detail=detail)
        if isinstance(exc, openai.RateLimitError):
            if code in ("insufficient_quota", "billing_hard_limit_reached"):
                return QuotaError("The account behind the OpenAI key is out of credit or quota.", detail=detail)
            return RateLimited(
                "The assistant's endpoint is still rate limiting after retries; wait a minute and try again.",
                retry_after=_retry_after(exc),
                detail=detail,
            )
        if isinstance(exc, openai.NotFoundError):
            if _names_model(exc):
                return ModelUnavailable(
                    f"The endpoint has no model {self.config.model}; set another with STUDIO_ASSISTANT_MODEL or in Settings → Assistant.",
                    detail=detail,
                )
            return ModelUnavailable(f"{where} offers neither /responses nor /chat/completions; check the address (it should end in /v1).", detail=detail)
        if status is not None and status >= 500:
            return TransientError(f"The assistant's endpoint failed (HTTP {status}) even after retries; try again later.", detail=detail)
        if isinstance(exc, (openai.BadRequestError, openai.UnprocessableEntityError)):
            return InvalidRequest(f"The assistant's endpoint refused the request: {_message(exc)[:200]}", detail=detail)
        return TransientError(f"The assistant's endpoint answered HTTP {status}; try again.", detail=detail)


def _refusal(text: str | None) -> ContentRejected:
    reason = " ".join((text or "").split())[:200]
    said = f" (it said: {reason})" if reason else ""
    return ContentRejected(f"The assistant's model declined to write this prompt{said}; change the idea and try again.",
                           input_name="prompt", reason=reason or None)


def _body_error(exc: openai.APIError) -> dict:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return inner
    return {}


def _error_code(exc: openai.APIError) -> str | None:
    return getattr(exc, "code", None) or _body_error(exc).get("code")


def _message(exc: openai.APIError) -> str:
    return redact(str(_body_error(exc).get("message") or getattr(exc, "message", "") or exc))


def _names_model(exc: openai.APIError) -> bool:
    """Whether a 404 is about the model (not a missing route, as on servers without /responses)."""
    if _error_code(exc) == "model_not_found":
        return True
    message = str(_body_error(exc).get("message") or "").lower()
    return "model" in message


def _retry_after(exc: openai.APIError) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
