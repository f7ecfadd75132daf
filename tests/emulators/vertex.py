"""A loopback emulator of Veo on Vertex AI (PROVIDERS.md §4b), OAuth and Cloud Storage included.

Real HTTP on 127.0.0.1, so the real ``google-genai`` SDK (Vertex mode) and the real
``google-auth`` service-account flow run end to end:

- ``POST /token``: the OAuth 2.0 JWT-bearer grant. The assertion's RS256 signature is checked
  against the public half of the key in :meth:`VertexEmulator.service_account_info`, its
  ``iss``/``aud``/``exp`` too; an access token valid for ``token_ttl`` seconds comes back.
- ``POST /{v1|v1beta1}/projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning``
  starts an operation (``{"name": ".../operations/{id}"}``).
- ``POST .../models/{m}:fetchPredictOperation`` with ``{"operationName"}`` returns it:
  ``done`` after ``latency`` seconds, then ``response.videos`` (``gcsUri`` when the request
  gave ``parameters.storageUri``, else inline ``bytesBase64Encoded``), or the safety filter's
  ``raiMediaFilteredCount``/``raiMediaFilteredReasons``, or ``error`` (google.rpc.Status).
- An extension (``instances[0].video``, inline ``bytesBase64Encoded`` or a ``gcsUri`` this
  emulator wrote) is checked as Vertex documents it: an MP4 of 1 to 30 s at 24 fps, 16:9 or
  9:16, from a Veo 3.1 model, run at 720p; the result is the source followed by
  ``durationSeconds`` more (the whole clip comes back).
- ``GET /storage/v1/b/{bucket}/o/{object}?alt=media``: the Cloud Storage JSON API download
  (``Range`` honoured), 404 once the object has expired.

Control: ``POST /_emulator/faults`` with JSON; counters apply to the next N matching requests::

    {"create_429": 1, "retry_after": 3, "create_5xx": 1, "poll_5xx": 2, "poll_429": 1,
     "token_invalid": 1,            # the token endpoint answers invalid_grant
     "safety": 1, "safety_reasons": ["..."],  # the next operation ends filtered
     "fail": 1, "fail_message": "...",
     "download_reset": 1, "expire": 1,         # GCS object gone (404)
     "latency": 0.3, "token_ttl": 3600}

``GET /_emulator/stats`` counts ``token_requests``, ``create_requests``, ``poll_requests`` and,
per operation id, ``creates``, ``polls``, ``downloads``; ``GET /_emulator/requests`` lists the
create bodies received (for asserting on the wire format).
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import sys
import time
import uuid
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.emulators._loopback import JsonHandler, LoopbackEmulator
from tests.emulators._mp4 import make_mp4

PROJECT = "studio-test-project"
GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"
CLIENT_EMAIL = "studio-tests@studio-test-project.iam.gserviceaccount.com"
COUNTER_FAULTS = (
    "create_429", "create_5xx", "poll_5xx", "poll_429", "token_invalid", "safety", "fail",
    "download_reset", "expire",
)  # fmt: skip
DEFAULT_SETTINGS: dict[str, Any] = {
    "retry_after": 3,
    "latency": 0.3,
    "token_ttl": 3600,
    "safety_reasons": [
        "Your current safety settings for person generation prevented one or more videos from being generated. "
        "Support codes: 64151117"
    ],
    "fail_message": "Internal error encountered while generating the video.",
}
_PREDICT = re.compile(
    r"^/(v1|v1beta1)/projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)/publishers/google/models/"
    r"(?P<model>[^/:]+):(?P<verb>predictLongRunning|fetchPredictOperation)$"
)
KNOWN_MODELS = {"veo-3.1-generate-001", "veo-3.1-fast-generate-001", "veo-3.1-lite-generate-001"}
_GCS = re.compile(r"^/(?:download/)?storage/v1/b/(?P<bucket>[^/]+)/o/(?P<object>.+)$")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class VertexEmulator(LoopbackEmulator):
    """Start with ``with VertexEmulator() as emu:``; ``emu.url`` is the API root."""

    counter_faults = COUNTER_FAULTS

    def __init__(self, *, latency: float = 0.3, port: int = 0):
        super().__init__(_Handler, port=port, settings=dict(DEFAULT_SETTINGS, latency=latency))
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.key_id = uuid.uuid4().hex
        self.operations: dict[str, dict[str, Any]] = {}
        self.objects: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, float] = {}
        self.requests: list[dict[str, Any]] = []
        self.stats: dict[str, Any] = {"token_requests": 0, "create_requests": 0, "poll_requests": 0, "ops": {}}

    def service_account_info(self, *, project: str = PROJECT) -> dict[str, Any]:
        """A service-account JSON whose ``token_uri`` points here (the key is made per run)."""
        pem = self._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        return {
            "type": "service_account",
            "project_id": project,
            "private_key_id": self.key_id,
            "private_key": pem,
            "client_email": CLIENT_EMAIL,
            "client_id": "100000000000000000001",
            "auth_uri": f"{self.url}/auth",
            "token_uri": f"{self.url}/token",
            "auth_provider_x509_cert_url": f"{self.url}/certs",
            "client_x509_cert_url": f"{self.url}/certs/{CLIENT_EMAIL}",
        }

    def op_stats(self, op_id: str) -> dict[str, int]:
        with self.lock:
            return self.stats["ops"].setdefault(op_id, {"creates": 0, "polls": 0, "downloads": 0})

    def verify_assertion(self, assertion: str) -> str | None:
        """The problem with a JWT-bearer assertion, or None when it is good."""
        try:
            head, body, signature = assertion.split(".")
            self._key.public_key().verify(
                _b64url_decode(signature), f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256()
            )
            claims = json.loads(_b64url_decode(body))
        except Exception as exc:
            return f"Invalid JWT: {exc}"
        if claims.get("iss") != CLIENT_EMAIL:
            return "Invalid JWT: unknown issuer"
        # google-auth signs for Google's token endpoint whatever token_uri says, as Google expects.
        if claims.get("aud") not in (GOOGLE_TOKEN_AUDIENCE, f"{self.url}/token"):
            return "Invalid JWT: wrong audience"
        if float(claims.get("exp", 0)) < time.time():
            return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe"
        if "cloud-platform" not in str(claims.get("scope", "")):
            return "Invalid JWT: missing the cloud-platform scope"
        return None


class _Handler(JsonHandler):

    def _authorized(self) -> bool:
        auth = self.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip()
        with self.emu.lock:
            expires = self.emu.tokens.get(token)
        if expires is None or expires < time.time():
            self.send_rpc_error(
                401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
                "or other valid authentication credential.",
            )  # fmt: skip
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        path = urlparse(self.path).path
        if path == "/_emulator/stats":
            with self.emu.lock:
                return self.send_json(200, self.emu.stats)
        if path == "/_emulator/requests":
            with self.emu.lock:
                return self.send_json(200, self.emu.requests)
        match = _GCS.match(path)
        if match:
            return self._download(match["bucket"], unquote(match["object"]))
        match = re.match(r"^/(v1|v1beta1)/publishers/google/models/(?P<model>[^/:]+)$", path)
        if match and self._authorized():
            if match["model"] not in KNOWN_MODELS:
                return self.send_rpc_error(404, "NOT_FOUND", f"Publisher Model {match['model']} is not found.")
            return self.send_json(200, {"name": f"publishers/google/models/{match['model']}", "versionId": "001"})
        if match:
            return
        self.send_rpc_error(404, "NOT_FOUND", f"The requested URL {path} was not found on this server.")

    def do_POST(self) -> None:  # noqa: N802
        path = urlparse(self.path).path
        body = self.read_body()
        if path == "/_emulator/faults":
            self.emu.set_faults(**json.loads(body or b"{}"))
            return self.send_json(200, {"faults": self.emu.faults, "settings": self.emu.settings})
        if path == "/token":
            return self._token(body)
        match = _PREDICT.match(path)
        if not match:
            return self.send_rpc_error(404, "NOT_FOUND", f"The requested URL {path} was not found on this server.")
        if not self._authorized():
            return
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return self.send_rpc_error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.")
        if match["verb"] == "predictLongRunning":
            return self._create(match, data)
        return self._fetch(match, data)

    # -- OAuth -------------------------------------------------------------------------------

    def _token(self, body: bytes) -> None:
        with self.emu.lock:
            self.emu.stats["token_requests"] += 1
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return self.send_json(400, {"error": "unsupported_grant_type", "error_description": "Invalid grant_type"})
        if self.emu.take_fault("token_invalid"):
            return self.send_json(
                400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
            )
        problem = self.emu.verify_assertion(form.get("assertion", ""))
        if problem:
            return self.send_json(400, {"error": "invalid_grant", "error_description": problem})
        token = "ya29.emulator-" + uuid.uuid4().hex
        ttl = int(self.emu.settings["token_ttl"])
        with self.emu.lock:
            self.emu.tokens[token] = time.time() + ttl
        self.send_json(200, {"access_token": token, "expires_in": ttl, "token_type": "Bearer"})

    # -- operations --------------------------------------------------------------------------

    def _create(self, match: re.Match, data: dict[str, Any]) -> None:
        with self.emu.lock:
            self.emu.stats["create_requests"] += 1
            self.emu.requests.append({"model": match["model"], "body": data})
        if self.emu.take_fault("create_429"):
            after = str(self.emu.settings["retry_after"])
            return self.send_rpc_error(
                429, "RESOURCE_EXHAUSTED",
                "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model "
                f"with base model: {match['model']}. Please submit a quota increase request.",
                {"Retry-After": after},
            )  # fmt: skip
        if self.emu.take_fault("create_5xx"):
            return self.send_rpc_error(503, "UNAVAILABLE", "The service is currently unavailable.")
        instances = data.get("instances") or []
        if len(instances) != 1 or not isinstance(instances[0], dict):
            return self.send_rpc_error(400, "INVALID_ARGUMENT", "Exactly one instance is expected.")
        instance, params = instances[0], data.get("parameters") or {}
        problem = _check_request(match["model"], instance, params)
        if problem:
            return self.send_rpc_error(400, "INVALID_ARGUMENT", problem)
        duration = float(params.get("durationSeconds") or 8)
        if instance.get("video") is not None:
            source, problem = self._extension_source(match["model"], instance["video"], params)
            if problem:
                return self.send_rpc_error(400, "INVALID_ARGUMENT", problem)
            duration += source
        op_id = str(uuid.uuid4())
        name = (
            f"projects/{match['project']}/locations/{match['location']}/publishers/google/models/"
            f"{match['model']}/operations/{op_id}"
        )
        outcome = "ok"
        if self.emu.take_fault("safety"):
            outcome = "safety"
        elif self.emu.take_fault("fail"):
            outcome = "fail"
        with self.emu.lock:
            self.emu.operations[op_id] = {
                "name": name,
                "created": time.time(),
                "duration": duration,
                "storage": params.get("storageUri"),
                "aspect": params.get("aspectRatio") or "16:9",
                "outcome": outcome,
            }
        self.emu.op_stats(op_id)["creates"] += 1
        self.send_json(200, {"name": name})

    def _extension_source(self, model: str, video: dict[str, Any], params: dict[str, Any]) -> tuple[float, str | None]:
        """The source clip's length, or why Vertex refuses to extend it."""
        if not model.startswith("veo-3.1"):
            return 0.0, f"Video extension is not supported for model {model}."
        if params.get("resolution") not in (None, "720p"):
            return 0.0, "Video extension supports only 720p output."
        if video.get("gcsUri"):
            bucket_obj = str(video["gcsUri"]).removeprefix("gs://")
            with self.emu.lock:
                stored = self.emu.objects.get(bucket_obj)
            if stored is None:
                return 0.0, f"The video {video['gcsUri']} was not found or has expired."
            data = stored["data"]
        else:
            try:
                data = base64.b64decode(video.get("bytesBase64Encoded") or "", validate=True)
            except ValueError:
                return 0.0, "instances[0].video.bytesBase64Encoded is not valid base64."
        return _probe_source(data)

    def _fetch(self, match: re.Match, data: dict[str, Any]) -> None:
        with self.emu.lock:
            self.emu.stats["poll_requests"] += 1
        if self.emu.take_fault("poll_429"):
            return self.send_rpc_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", {"Retry-After": "1"})
        if self.emu.take_fault("poll_5xx"):
            return self.send_rpc_error(503, "UNAVAILABLE", "The service is currently unavailable.")
        name = str(data.get("operationName") or "")
        op_id = name.rsplit("/", 1)[-1]
        with self.emu.lock:
            op = self.emu.operations.get(op_id)
        # An operation lives in its project, region and model: polled anywhere else, it is not found.
        if op is None or not name.startswith(
            f"projects/{match['project']}/locations/{match['location']}/publishers/google/models/{match['model']}/"
        ):
            return self.send_rpc_error(404, "NOT_FOUND", f"Operation {name} was not found.")
        self.emu.op_stats(op_id)["polls"] += 1
        if time.time() - op["created"] < float(self.emu.settings["latency"]):
            return self.send_json(200, {"name": name, "done": False})
        kind = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse"
        if op["outcome"] == "fail":
            return self.send_json(200, {"name": name, "done": True, "error": {
                "code": 13, "message": self.emu.settings["fail_message"], "status": "INTERNAL"}})  # fmt: skip
        if op["outcome"] == "safety":
            reasons = list(self.emu.settings["safety_reasons"])
            return self.send_json(200, {"name": name, "done": True, "response": {
                "@type": kind, "raiMediaFilteredCount": 1, "raiMediaFilteredReasons": reasons}})  # fmt: skip
        width, height = (256, 144) if op["aspect"] == "16:9" else (144, 256)
        clip = make_mp4(op["duration"], width=width, height=height)
        if op["storage"]:
            bucket, _, prefix = str(op["storage"]).removeprefix("gs://").partition("/")
            obj = f"{prefix.rstrip('/')}/{op_id}/sample_0.mp4".lstrip("/")
            with self.emu.lock:
                self.emu.objects.setdefault(f"{bucket}/{obj}", {"data": clip, "op": op_id})
            video = {"gcsUri": f"gs://{bucket}/{obj}", "mimeType": "video/mp4"}
        else:
            video = {"bytesBase64Encoded": base64.b64encode(clip).decode(), "mimeType": "video/mp4"}
            self.emu.op_stats(op_id)["inline_deliveries"] = self.emu.op_stats(op_id).get("inline_deliveries", 0) + 1
        self.send_json(200, {"name": name, "done": True, "response": {"@type": kind, "videos": [video]}})

    # -- Cloud Storage -----------------------------------------------------------------------

    def _download(self, bucket: str, obj: str) -> None:
        if not self._authorized():
            return
        if parse_qs(urlparse(self.path).query).get("alt") != ["media"]:
            return self.send_rpc_error(400, "INVALID_ARGUMENT", "Only alt=media downloads are emulated.")
        with self.emu.lock:
            item = self.emu.objects.get(f"{bucket}/{obj}")
        if item is None or self.emu.take_fault("expire"):
            with self.emu.lock:
                self.emu.objects.pop(f"{bucket}/{obj}", None)
            return self.send_json(404, {"error": {"code": 404, "message": "No such object: " + f"{bucket}/{obj}"}})
        data: bytes = item["data"]
        start = 0
        match = re.match(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if match:
            start = min(int(match.group(1)), len(data))
        part = data[start:]
        self.send_response(206 if start else 200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(len(part)))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        if self.emu.take_fault("download_reset"):
            self.wfile.write(part[: len(part) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(part)
        self.emu.op_stats(item["op"])["downloads"] += 1  # a body that reached the end, ranged or not


def _check_request(model: str, instance: dict[str, Any], params: dict[str, Any]) -> str | None:
    """Vertex's own validation of a Veo request, as far as Studio can trip it."""
    if not instance.get("prompt") and not instance.get("image") and not instance.get("video"):
        return "The prompt or an image is required."
    if params.get("durationSeconds") not in (None, 4, 6, 8):
        return f"Unsupported output video duration {params.get('durationSeconds')} seconds, supported durations are [8,6,4]."
    if params.get("aspectRatio") not in (None, "16:9", "9:16"):
        return f"Aspect ratio {params.get('aspectRatio')} is not supported."
    if params.get("resolution") not in (None, "720p", "1080p", "4k"):
        return f"Resolution {params.get('resolution')} is not supported."
    for slot in ("image", "lastFrame"):
        image = instance.get(slot)
        if image is not None and not (image.get("bytesBase64Encoded") or image.get("gcsUri")):
            return f"instances[0].{slot} needs bytesBase64Encoded or gcsUri."
        if image is not None and image.get("bytesBase64Encoded"):
            try:
                base64.b64decode(image["bytesBase64Encoded"], validate=True)
            except ValueError:
                return f"instances[0].{slot}.bytesBase64Encoded is not valid base64."
    refs = instance.get("referenceImages") or []
    if len(refs) > 3:
        return "At most 3 reference images are supported."
    if refs and "fast" in model:
        return "Reference images are not supported by this model."
    return None


def _probe_source(data: bytes) -> tuple[float, str | None]:
    """Length of an MP4 to extend, or Vertex's refusal (not MP4, not 1-30 s, not 24 fps, wrong shape)."""
    import io

    import av

    try:
        with av.open(io.BytesIO(data), format="mp4") as container:
            stream = container.streams.video[0]
            seconds = float(container.duration or 0) / av.time_base
            fps = float(stream.average_rate or 0)
            width, height = stream.codec_context.width, stream.codec_context.height
    except (av.FFmpegError, IndexError, ValueError):
        return 0.0, "The input video is not a valid MP4 file."
    if not 1.0 <= seconds <= 30.05:
        return 0.0, f"The input video must be 1 to 30 seconds long; it is {seconds:.1f} seconds."
    if abs(fps - 24) > 0.5:
        return 0.0, f"The input video must be 24 fps; it is {fps:g} fps."
    if abs(width / height - 16 / 9) > 0.02 and abs(width / height - 9 / 16) > 0.02:
        return 0.0, "The input video's aspect ratio must be 16:9 or 9:16."
    return seconds, None


def start_emulator_process(account_path, *, latency: float = 0.3):
    """Run the emulator as its own process (it outlives a killed client); returns (process, url).

    The service-account JSON whose ``token_uri`` points at it is written to ``account_path``.
    """
    from tests.emulators._process import start_module

    return start_module("tests.emulators.vertex", "--latency", str(latency), "--account", str(account_path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Vertex AI Veo emulator on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--account", help="write the service-account JSON here")
    args = parser.parse_args(argv)
    emu = VertexEmulator(latency=args.latency, port=args.port)
    if args.account:
        with open(args.account, "w", encoding="utf-8") as handle:
            json.dump(emu.service_account_info(), handle)
    return emu.serve_as_process()


if __name__ == "__main__":
    sys.exit(main())
