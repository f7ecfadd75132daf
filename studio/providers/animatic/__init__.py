"""The offline animatic provider (``animatic:*``): real clips, made here, labelled "not AI"."""

from .provider import AnimaticProvider

__all__ = ["AnimaticProvider"]
