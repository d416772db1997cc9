"""The server process's background work gives way to the pages."""

from __future__ import annotations

import os
import threading

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
