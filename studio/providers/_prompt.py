"""The prompt a provider that requires one is sent when a person gave only an image.

Studio lets an image-to-video request go without a prompt (the image says what to show);
the OpenAI Videos API and Kie's createTask reject an empty ``prompt``. Both send this
neutral sentence instead, and map it back to "no prompt" when matching their list of
recent jobs against a lost submit.
"""

from __future__ import annotations

from studio.core.request import ValidatedRequest

IMAGE_ONLY_PROMPT = (
    "Bring this image to life with natural, gentle motion; keep the subject, framing and lighting as they are."
)


def prompt_to_send(request: ValidatedRequest) -> str:
    """The person's prompt, or :data:`IMAGE_ONLY_PROMPT` when they gave only a first frame."""
    prompt = (request.request.prompt or "").strip()
    if not prompt and request.request.first_frame:
        return IMAGE_ONLY_PROMPT
    return prompt


def prompt_asked(sent: str | None) -> str:
    """What the person asked for, given what was sent (the inverse of :func:`prompt_to_send`)."""
    return "" if sent == IMAGE_ONLY_PROMPT else (sent or "")
