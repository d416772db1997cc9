"""The server process's background work gives way to the pages."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from ui.session import lower_this_threads_priority


def test_the_background_loader_lowers_only_its_own_thread() -> None:
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []

    def loader() -> None:
        lower_this_threads_priority()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    worker = threading.Thread(target=loader)
    worker.start()
    worker.join()
    assert seen == [min(19, before + 10)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # the caller's pages keep theirs


def test_what_the_model_loaded_is_set_aside_from_the_collection_after_each_run() -> None:
    """Streamlit collects all garbage after every script run: with the embedding model's libraries
    loaded, that walked some 560,000 objects each time (0.3 s after every click). Set aside once, a
    collection walks only what came after. In a process of its own: a freeze is for a process's life."""
    script = ("import gc\nfrom engine.embedder import load_model\nfrom ui.session import set_aside_what_is_loaded\n"
              "load_model()\nbefore = len(gc.get_objects())\nset_aside_what_is_loaded()\n"
              "print(before, gc.get_freeze_count(), len(gc.get_objects()))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent, env=os.environ | {"HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    before, frozen, walked = map(int, done.stdout.split())
    assert before > 100_000 and frozen >= before * 0.9, (before, frozen)
    assert walked < before / 100, (before, walked)


def test_a_language_model_configured_but_unusable_is_said_not_taken_for_none(tmp_path: Path) -> None:
    from engine.settings import Settings
    from ui.session import chat_model, chat_model_problem

    broken = Settings(home=tmp_path, llm_provider="openai-compatible", llm_model="any")  # no address to reach it at
    assert chat_model(broken) is None
    assert "llm_base_url" in (chat_model_problem() or "")
    assert chat_model(Settings(home=tmp_path)) is None and chat_model_problem() is None, "none configured: no problem"
