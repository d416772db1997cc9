"""Fixtures for the browser tests: the real app on a free port, and headless Debian chromium.

The server runs ``streamlit run app.py`` in a fresh home for the whole session; the browser is
Playwright driving /usr/bin/chromium (never ``playwright install``: nothing is downloaded).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from llm_server import LLMServer

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-gpu", "--no-first-run", "--disable-sync"]
STARTUP_TIMEOUT_S = 60
ModelApp = tuple[LLMServer, str]  # a scripted model, and the URL of the app whose model it is


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def serve(home: Path, **settings: str) -> Iterator[str]:
    """Serve the app on a free port with its state in ``home``; yields its URL, stops it afterwards.
    Tests that need a prepared home fill it through the engine first, then serve it. ``settings``:
    more environment for the server (WORKBENCH_LLM_PROVIDER="openai-compatible"...)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WORKBENCH_HOME": str(home), "WORKBENCH_BCRYPT_ROUNDS": "4", "HF_HUB_OFFLINE": "1", **settings}
    log_path = home / "server.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the app did not start (exit code {server.poll()}):\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        # the server runs in a session of its own: stop it and anything it started, by its group id
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="session")
def model_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModelApp]:
    """One app for the tests of a model, its tutor (and exercise writer) answering by a scripted model: each
    test scripts the replies it asks for and registers a learner of its own."""
    with LLMServer() as model, serve(tmp_path_factory.mktemp("model-tutor"), WORKBENCH_LLM_PROVIDER="openai-compatible",
                                     WORKBENCH_LLM_MODEL="scripted", WORKBENCH_LLM_BASE_URL=model.base_url,
                                     WORKBENCH_LLM_TIMEOUT_S="30") as url:
        yield model, url


@pytest.fixture
def model_tutor(model_app: ModelApp) -> ModelApp:
    """The model and the app's URL, with nothing scripted or done left by the test before."""
    model, url = model_app
    model.forget()
    return model, url


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of the app, served by a real Streamlit server in a fresh home; stopped at the end."""
    with serve(tmp_path_factory.mktemp("e2e-home")) as url:
        yield url


def log_in(page, username: str, password: str, name: str):
    """Log in through the form and wait until the sidebar greets ``name``; returns the sidebar."""
    from playwright.sync_api import expect

    form = page.get_by_test_id("stForm").filter(has_text="Log in")
    form.get_by_role("textbox", name="Username").fill(username)
    form.get_by_role("textbox", name="Password").fill(password)
    form.get_by_role("button", name="Log in").click()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(name)).to_be_visible()
    return sidebar


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"no chromium at {CHROMIUM}: `make test` installs it (make browser)")
    from playwright.sync_api import expect, sync_playwright

    # a page's rerun can take seconds on a busy two-core machine (the model loading beside it):
    # wait for what a test expects as long as for an action, not Playwright's default 5 s
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (its own cookies) and page; 1400x1000 so the wide layout shows."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (git-ignored): screenshots of the browser tests."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
