"""MinHash signatures of article texts over their word shingles, and the keys of their LSH bands.

A word is hashed to 64 bits with BLAKE2b, a shingle of ``SHINGLE`` consecutive words to a polynomial of its
words' hashes, and each of the ``PERMUTATIONS`` hash functions is a multiply-add-shift of that value; the
signature is the minimum of each function over the shingles (32 bits each). Every constant is derived from
BLAKE2b, so signatures are the same on every machine and with every numpy version, and can be kept in the store.
The share of equal values in two signatures estimates the Jaccard similarity of the two sets of shingles.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt

SHINGLE = 5
PERMUTATIONS = 128
BANDS, ROWS = 21, 6
"""LSH: 21 bands of 6 values; two articles share a band with probability 1 - (1 - s**6)**21 (0.998 at a
similarity s of 0.8, 0.28 at 0.5), and only those that share one are compared."""
VERSION = f"words{SHINGLE}-blake2b-{PERMUTATIONS}-v1"
"""What a signature is computed with; stored signatures of another version are computed again."""
_WORD = re.compile(r"[^\W_]+")


def _hash64(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode("utf-8"), digest_size=8).digest(), "little")


class MinHasher:
    """Computes signatures; it keeps the hashes of the words it has seen (up to a million)."""

    def __init__(self) -> None:
        self.multipliers = np.array(
            [_hash64(f"dyad-minhash-a-{j}") | 1 for j in range(PERMUTATIONS)], dtype=np.uint64
        )
        self.offsets = np.array(
            [_hash64(f"dyad-minhash-b-{j}") for j in range(PERMUTATIONS)], dtype=np.uint64
        )
        self.positions = np.array([_hash64(f"dyad-shingle-{k}") | 1 for k in range(SHINGLE)], dtype=np.uint64)
        self.band_weights = np.array([_hash64(f"dyad-band-{k}") | 1 for k in range(ROWS)], dtype=np.uint64)
        self._words: dict[str, int] = {}

    def _word(self, word: str) -> int:
        value = self._words.get(word)
        if value is None:
            if len(self._words) > 1_000_000:
                self._words.clear()
            value = self._words[word] = _hash64(word)
        return value

    def shingles(self, text: str) -> npt.NDArray[np.uint64]:
        """The distinct hashed shingles of ``text`` (one of all its words when it has fewer than ``SHINGLE``)."""
        words = np.array([self._word(w) for w in _WORD.findall(text.casefold())], dtype=np.uint64)
        if len(words) == 0:
            return words
        n = max(1, len(words) - SHINGLE + 1)
        values = np.zeros(n, dtype=np.uint64)
        for k in range(min(SHINGLE, len(words))):
            values += words[k : k + n] * self.positions[k]
        return np.unique(values)

    def signature(self, text: str) -> npt.NDArray[np.uint32] | None:
        """The MinHash signature of ``text``; None when it has no word."""
        shingles = self.shingles(text)
        if len(shingles) == 0:
            return None
        low = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
        for begin in range(0, len(shingles), 4096):
            chunk = shingles[begin : begin + 4096, None]
            hashed = ((chunk * self.multipliers + self.offsets) >> np.uint64(32)).astype(np.uint32)
            low = np.minimum(low, hashed.min(axis=0))
        return low

    def band_keys(self, signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """For a matrix of signatures (one a row), the key of each LSH band: a (rows, ``BANDS``) matrix."""
        bands = signatures[:, : BANDS * ROWS].astype(np.uint64).reshape(len(signatures), BANDS, ROWS)
        keys = (bands * self.band_weights).sum(axis=2, dtype=np.uint64)
        signed: npt.NDArray[np.int64] = keys.view(np.int64)
        return signed


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """The Jaccard similarity of two articles' shingles, estimated from their signatures."""
    return float((a == b).mean())
