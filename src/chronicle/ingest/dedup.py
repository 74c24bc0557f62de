"""Recognising copies: exact (same normalized text) and near (MinHash LSH).

Wire stories are republished verbatim or lightly edited by many outlets; counting
each copy as an independent source would inflate a date's salience. Copies are
kept in the store, marked as copies of the first one seen, never silently dropped.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Any

from chronicle.ingest.decode import normalize_text
from chronicle.settings import DEFAULTS

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["NUM_PERM", "DuplicateFinder", "minhash_signature"]

NUM_PERM = 128
_SHINGLE = 5
# Stored signatures are only comparable under the hashing scheme that made them.
_SCHEME = "affine32"
_CANDIDATE_THRESHOLD = 0.5


def _minhash(text: str) -> MinHash:
    from datasketch import MinHash  # imported on first use: it pulls in scipy

    norm = normalize_text(text)
    shingles = {norm[i : i + _SHINGLE] for i in range(max(1, len(norm) - _SHINGLE + 1))}
    # crc32 instead of datasketch's default sha1: ten times faster and stable across runs,
    # which stored signatures need; its 32 bits are all the affine32 scheme uses.
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME, hashfunc=zlib.crc32)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def minhash_signature(text: str) -> bytes:
    """A compact MinHash of the text's character 5-grams, for storing beside the article."""
    return bytes(_minhash(text).hashvalues.astype("<u8").tobytes())


def _from_signature(signature: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME, hashvalues=np.frombuffer(signature, dtype="<u8").astype(np.uint64))


class DuplicateFinder:
    """An index of the articles kept so far, answering 'is this a near copy of one of them?'."""

    def __init__(self, threshold: float = DEFAULTS.near_copy_threshold) -> None:
        self.threshold = threshold
        from datasketch import MinHashLSH

        # The LSH only proposes candidates; a low banding threshold makes it miss almost no
        # true copy (at 0.8 the default banding misses about half), the exact check follows.
        self._lsh: Any = MinHashLSH(threshold=_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, article_id: str, signature: bytes) -> None:
        if article_id in self._hashes:
            return
        mh = _from_signature(signature)
        self._hashes[article_id] = mh
        self._lsh.insert(article_id, mh)

    def find(self, signature: bytes) -> tuple[str, float] | None:
        """The most similar kept article at or above the threshold, with its estimated Jaccard."""
        mh = _from_signature(signature)
        best: tuple[str, float] | None = None
        for candidate in self._lsh.query(mh):
            similarity = float(mh.jaccard(self._hashes[candidate]))
            if similarity >= self.threshold and (best is None or similarity > best[1] or (
                similarity == best[1] and candidate < best[0])):
                best = (candidate, similarity)
        return best
