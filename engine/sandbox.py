"""The sandbox: runs the grading harness, and so the learner's code, in a confined process.

Learner code is hostile until proven otherwise. The harness (``engine/harness``) runs under
bubblewrap in fresh PID, network, IPC, UTS and mount namespaces: it sees only the system
libraries, the Python standard library (site-packages hidden), the harness itself and a small
private tmpfs as its working folder. As root, it also drops to a throwaway user id, so the
process limit holds and it cannot signal anything else. Resource limits cap CPU, memory,
processes, open files, file size and output; a wall clock kills the whole namespace.

Where bubblewrap cannot run, the harness runs as a plain child process with the same limits and
the same separation between test and learner processes, and the weaker isolation is logged as a
warning every time and reported by ``Sandbox.isolation`` (shown in the admin view).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HARNESS_DIR = Path(__file__).parent / "harness"
WORKDIR = "/sandbox"
# runs at once in one process (the app's): each may hold some gigabytes (its processes' address spaces, without the
# memory cgroup), and more runs than cores are no faster together than one after another
RUNS_AT_ONCE = max(2, os.cpu_count() or 2)
_RUNS_AT_ONCE = threading.BoundedSemaphore(RUNS_AT_ONCE)


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Resource limits for one grading run."""

    cpu_s: int = 10
    memory_bytes: int = 512 * 1024 * 1024
    processes: int = 8
    open_files: int = 64
    file_bytes: int = 4 * 1024 * 1024
    total_memory_bytes: int = 1024 * 1024 * 1024
    workdir_bytes: int = 16 * 1024 * 1024
    output_chars: int = 4000


@dataclass(frozen=True)
class Isolation:
    """How strongly learner code is confined here: ``full``, ``namespaces`` or ``none``."""

    level: str
    detail: str

    @property
    def ok(self) -> bool:
        return self.level == "full"


@dataclass
class SandboxRun:
    """What came back from one run of the harness."""

    returncode: int | None
    stdout: bytes
    stderr: bytes
    timed_out: bool
    duration_ms: float
    result: dict[str, Any] | None = field(default=None)


def _base_python() -> str:
    return os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def _ancestors(path: str) -> list[str]:
    parts = Path(path).parents
    return [str(p) for p in reversed(list(parts)) if str(p) != "/"]


class Sandbox:
    """Runs harness jobs with the strongest isolation this machine allows (probed once)."""

    def __init__(self, limits: Limits | None = None, *, python: str | None = None,
                 bwrap: str | None = None, setpriv: str | None = None, memory_cgroup: bool = False) -> None:
        self.limits = limits or Limits()
        self.python = python or _base_python()
        self.bwrap = bwrap if bwrap is not None else shutil.which("bwrap")
        self.setpriv = setpriv if setpriv is not None else shutil.which("setpriv")
        # Without it a submission can hold `processes` x `memory_bytes`; with it, at most
        # `total_memory_bytes`, at the price of ~13 ms a grading (memory accounting on cgroup v1)
        self.use_cgroup = memory_cgroup and MemoryCgroup.available()
        if self.use_cgroup:
            MemoryCgroup.sweep()
        self._spare_cgroups: list[MemoryCgroup] = []
        self._cgroup_lock = threading.Lock()
        atexit.register(self.close)
        self.isolation = self._probe()
        _precompile_harness()
        if not self.isolation.ok:
            log.warning("SANDBOX ISOLATION IS WEAK (%s): %s", self.isolation.level, self.isolation.detail)

    # -- commands ---------------------------------------------------------------------------

    def _bwrap_args(self, drop_to_uid: int | None) -> list[str]:
        args = [self.bwrap or "bwrap", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL"]
        if drop_to_uid is None:
            args += ["--unshare-user"]
        else:
            args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        args += ["--ro-bind", "/usr", "/usr"]
        for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
            if os.path.islink(top):
                args += ["--symlink", os.readlink(top), top]
            elif os.path.isdir(top):
                args += ["--ro-bind", top, top]
        prefix = os.path.realpath(sys.base_prefix)
        if not prefix.startswith("/usr/") and prefix != "/usr":
            for parent in _ancestors(prefix):
                args += ["--perms", "0755", "--dir", parent]
            args += ["--ro-bind", prefix, prefix]
        executable = self.python
        if not executable.startswith(("/usr/", prefix + "/")):
            args += ["--ro-bind", executable, executable]
        for hidden in self._site_packages():
            args += ["--tmpfs", hidden]
        args += ["--ro-bind", str(HARNESS_DIR), "/harness", "--dev", "/dev",
                 "--size", str(self.limits.workdir_bytes), "--perms", "0777", "--tmpfs", WORKDIR,
                 "--chdir", WORKDIR, "--"]
        if drop_to_uid is not None:
            args += [self.setpriv or "setpriv", "--reuid", str(drop_to_uid), "--regid", str(drop_to_uid),
                     "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"]
        return args

    def _site_packages(self) -> list[str]:
        paths = set()
        for name in ("purelib", "platlib"):
            path = sysconfig.get_path(name, vars={"base": sys.base_prefix, "platbase": sys.base_prefix})
            if path and os.path.isdir(path):
                paths.add(os.path.realpath(path))
        return sorted(paths)

    def _command(self, level: str) -> tuple[list[str], str | None]:
        """The command for a level, and the working folder it needs on the host (if any)."""
        interpreter = [self.python, "-I", "-S", "-B"]
        if level == "full":
            uid = random.randint(200_000, 1_000_000)
            return self._bwrap_args(uid) + interpreter + ["/harness/main.py"], None
        if level == "namespaces":
            return self._bwrap_args(None) + interpreter + ["/harness/main.py"], None
        return interpreter + [str(HARNESS_DIR / "main.py")], tempfile.mkdtemp(prefix="workbench-sandbox-")

    # -- probing ----------------------------------------------------------------------------

    def _probe(self) -> Isolation:
        if not self.bwrap:
            return Isolation("none", "bubblewrap (bwrap) is not installed: learner code runs with "
                             "resource limits only and can read the host's files")
        failures = []
        levels = ["full", "namespaces"] if os.geteuid() == 0 and self.setpriv else ["namespaces"]
        for level in levels:
            command, _ = self._command(level)
            harness_at = len(command) - 1
            probe = command[:harness_at] + ["-c", "import os; print(os.getuid())"]
            try:
                done = subprocess.run(probe, capture_output=True, timeout=10, env=self._env())
            except (OSError, subprocess.TimeoutExpired) as exc:
                failures.append(f"{level}: {exc}")
                continue
            if done.returncode == 0:
                detail = ("namespaces (pid, net, ipc, uts, mount), a throwaway user id, resource limits"
                          + (", a memory cgroup for the whole run" if self.use_cgroup else "")
                          if level == "full" else
                          "namespaces (user, pid, net, ipc, uts, mount) and resource limits; "
                          "the process limit is not enforced (not running as root)")
                return Isolation(level, detail)
            failures.append(f"{level}: {done.stderr.decode(errors='replace').strip()[:300]}")
        return Isolation("none", "bubblewrap could not create a sandbox here (" + "; ".join(failures)
                         + "): learner code runs with resource limits only and can read the host's files")

    @staticmethod
    def _env() -> dict[str, str]:
        return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}

    # -- running ----------------------------------------------------------------------------

    def limits_for_job(self) -> dict[str, int]:
        limits = asdict(self.limits)
        job_limits = {k: limits[k] for k in ("cpu_s", "memory_bytes", "open_files", "file_bytes")}
        job_limits["core_bytes"] = 0
        if self.isolation.level == "full":  # only a user id of its own makes the count meaningful
            job_limits["processes"] = self.limits.processes
        return job_limits

    def close(self) -> None:
        """Remove the cgroups kept for reuse."""
        with self._cgroup_lock:
            spare, self._spare_cgroups = self._spare_cgroups, []
        for cgroup in spare:
            cgroup.remove()

    def _take_cgroup(self) -> MemoryCgroup | None:
        with self._cgroup_lock:
            if self._spare_cgroups:
                return self._spare_cgroups.pop()
        return MemoryCgroup.create(self.limits.total_memory_bytes)

    def _replace_cgroup(self, used: MemoryCgroup) -> None:
        """Give a cgroup back for reuse once the run's processes have left it (a fresh cgroup
        costs a grading several milliseconds)."""
        if used.wait_empty():
            with self._cgroup_lock:
                if len(self._spare_cgroups) < 4:
                    self._spare_cgroups.append(used)
                    return
        used.remove()

    def run(self, job: dict[str, Any], wall_s: float) -> SandboxRun:
        """Run one harness job and return what it printed; kill everything after ``wall_s``. At most
        ``RUNS_AT_ONCE`` at a time in this process: others wait their turn."""
        with _RUNS_AT_ONCE:
            return self._run(job, wall_s)

    def _run(self, job: dict[str, Any], wall_s: float) -> SandboxRun:
        if not self.isolation.ok:
            log.warning("grading with weak isolation (%s)", self.isolation.level)
        command, host_workdir = self._command(self.isolation.level)
        job = dict(job, workdir=host_workdir or WORKDIR, limits=self.limits_for_job(),
                   output_cap=self.limits.output_chars)
        payload = json.dumps(job).encode("utf-8", "surrogatepass")
        started = time.perf_counter()
        cgroup = self._take_cgroup() if self.use_cgroup else None
        if cgroup is not None:  # enter the cgroup before anything starts, so no child escapes it
            command = ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', str(cgroup.path / "cgroup.procs"), *command]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True, env=self._env(),
                                   cwd=host_workdir or "/")
        timed_out = False
        try:
            stdout, stderr = process.communicate(payload, timeout=wall_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(process)
            stdout, stderr = process.communicate()
        finally:
            _kill_group(process)
            if cgroup is not None:  # off the critical path: the killed processes take a moment to leave
                threading.Thread(target=self._replace_cgroup, args=(cgroup,), daemon=True).start()
            if host_workdir:
                shutil.rmtree(host_workdir, ignore_errors=True)
        run = SandboxRun(process.returncode, stdout, stderr, timed_out,
                         (time.perf_counter() - started) * 1000)
        if not timed_out and process.returncode == 0:
            try:
                parsed = json.loads(stdout)
                run.result = parsed if isinstance(parsed, dict) else None
            except ValueError:
                run.result = None
        return run


class MemoryCgroup:
    """A cgroup (v1 memory controller) capping the memory of one grading run as a whole: the
    per-process address-space limit alone lets a submission that forks hold several times it."""

    ROOT = Path("/sys/fs/cgroup/memory")

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def available(cls) -> bool:
        return os.access(cls.ROOT, os.W_OK) and (cls.ROOT / "cgroup.procs").exists()

    @classmethod
    def sweep(cls) -> None:
        """Remove cgroups left behind by workbench processes that are gone."""
        for path in (cls.ROOT / "workbench").glob("run-*"):
            try:
                owner = int(path.name.split("-")[1])
                os.kill(owner, 0)
            except ProcessLookupError:
                cls(path).remove()
            except (ValueError, IndexError, OSError):
                continue

    @classmethod
    def create(cls, limit_bytes: int) -> MemoryCgroup | None:
        path = cls.ROOT / "workbench" / f"run-{os.getpid()}-{random.getrandbits(48):x}"
        try:
            path.mkdir(parents=True)
            (path / "memory.limit_in_bytes").write_text(str(limit_bytes))
        except OSError:
            return None
        return cls(path)

    def wait_empty(self) -> bool:
        for _ in range(100):
            try:
                if not (self.path / "cgroup.procs").read_text().strip():
                    return True
            except OSError:
                return False
            time.sleep(0.01)
        return False

    def remove(self) -> None:
        for _ in range(50):  # the killed processes take a moment to leave
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.01)


def _precompile_harness() -> None:
    """Byte-compile the harness once, so each grading (run with -B, read-only) skips compiling it."""
    import py_compile

    for source in HARNESS_DIR.glob("*.py"):
        try:
            py_compile.compile(str(source), doraise=True)
        except (OSError, py_compile.PyCompileError):
            return  # a read-only install: grading still works, a few ms slower


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
