"""The command line, as a real subprocess: ``python -m engine grade`` and ``check-bank``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import ADD_REFERENCE, BANK_DIR, REPO

ADD_WRONG = "def add(a, b):\n    return a - b\n"


def run(*args: str, home: Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    clean.update({"WORKBENCH_HOME": str(home), **(env or {})})
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=REPO, env=clean, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def solution(tmp_path: Path) -> Callable[[str], Path]:
    def write(code: str, name: str = "solution.py") -> Path:
        path = tmp_path / name
        path.write_text(code)
        return path

    return write


# -- grade ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status", "exit_code"),
    [
        (ADD_REFERENCE, "pass", 0),
        (ADD_WRONG, "fail", 1),
        ("def add(a, b)\n", "error", 1),
        ("", "error", 1),
    ],
    ids=["pass", "fail", "syntax-error", "empty"],
)
def test_grade_exit_status(tmp_path: Path, make_exercise: Callable[..., Path], solution: Callable[[str], Path],
                           code: str, status: str, exit_code: int) -> None:
    done = run("grade", str(make_exercise()), str(solution(code)), home=tmp_path / "home")
    assert done.returncode == exit_code, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith(f"{status}:")


def test_grade_text_report(tmp_path: Path, make_exercise: Callable[..., Path], solution: Callable[[str], Path]) -> None:
    code = "def add(a, b):\n    print('adding', a, b)\n    return a + b if a >= 0 else 0\n"
    done = run("grade", str(make_exercise()), str(solution(code)), home=tmp_path / "home")
    lines = done.stdout.splitlines()
    assert lines[0] == "PASS  test_small_numbers"
    assert "output: adding 2 3" in lines[1]
    assert any(line.startswith("FAIL  test_negative_numbers: add(-2, -3): expected -5, got 0") for line in lines)
    assert lines[-1].startswith("fail: 2 passed, 1 failed in ")


@pytest.mark.parametrize(
    ("code", "status", "exit_code"),
    [(ADD_REFERENCE, "pass", 0), (ADD_WRONG, "fail", 1), ("def add(a, b)\n", "error", 1)],
    ids=["pass", "fail", "error"],
)
def test_grade_json_prints_the_design_shape(tmp_path: Path, make_exercise: Callable[..., Path],
                                            solution: Callable[[str], Path], code: str, status: str,
                                            exit_code: int) -> None:
    done = run("grade", str(make_exercise()), str(solution(code)), "--json", home=tmp_path / "home")
    assert done.returncode == exit_code, done.stderr
    result = json.loads(done.stdout)  # the whole of stdout is one JSON object
    assert set(result) <= {"version", "status", "message", "tests", "duration_ms"}
    assert result["status"] == status
    assert isinstance(result["duration_ms"], (int, float)) and result["duration_ms"] > 0
    assert [t["name"] for t in result["tests"]] == ["test_small_numbers", "test_negative_numbers", "test_zero"]
    for test in result["tests"]:
        assert set(test) <= {"name", "status", "message", "output"}
        assert test["status"] in ("pass", "fail", "error")
    if status == "error":
        assert "SyntaxError" in result["message"] and "line 1" in result["message"]
    if status == "fail":
        assert result["tests"][0] == {"name": "test_small_numbers", "status": "fail", "message": "add(2, 3): expected 5, got -1"}


def test_grade_a_real_bank_exercise(tmp_path: Path) -> None:
    folder = BANK_DIR / "python" / "apply-n-times"
    done = run("grade", str(folder), str(folder / "reference.py"), "--json", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "pass"


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["grade", "{exercise}", "{tmp}/no-such-file.py"], "cannot read"),
        (["grade", "{exercise}", "{tmp}"], "is not a file"),
        (["grade", "{tmp}/no-such-folder", "{solution}"], "no exercise folder at"),
        (["grade", "{fifo}", "{solution}"], "no exercise folder at"),
        (["grade", "{exercise}", "{fifo}"], "is not a file"),
        (["grade", "{broken}", "{solution}"], "difficulty must be a whole number"),
        (["grade", "{exercise}"], "usage:"),
        (["grade"], "usage:"),
        ([], "usage:"),
        (["frobnicate"], "invalid choice"),
        (["grade", "{exercise}", "{solution}", "--verbose"], "unrecognized arguments"),
        (["check-bank", "{tmp}/no-such-bank"], "no bank folder"),
    ],
    ids=["missing-solution", "solution-is-a-folder", "missing-exercise-folder", "exercise-is-a-pipe",
         "solution-is-a-pipe", "invalid-exercise-folder",
         "no-solution-argument", "no-arguments", "no-command", "unknown-command", "unknown-option",
         "missing-bank"],
)
def test_usage_errors_exit_2(tmp_path: Path, make_exercise: Callable[..., Path], solution: Callable[[str], Path],
                             args: list[str], stderr: str) -> None:
    places = {"exercise": str(make_exercise()), "broken": str(make_exercise("broken", difficulty=11)),
              "solution": str(solution(ADD_REFERENCE)), "tmp": str(tmp_path), "fifo": str(tmp_path / "pipe")}
    os.mkfifo(tmp_path / "pipe")  # reading it waited forever for a writer
    done = run(*[a.format(**places) for a in args], home=tmp_path / "home")
    assert done.returncode == 2
    assert stderr in done.stderr
    assert done.stdout == ""


def test_bad_setting_is_a_usage_error(tmp_path: Path, make_exercise: Callable[..., Path],
                                      solution: Callable[[str], Path]) -> None:
    done = run("grade", str(make_exercise()), str(solution(ADD_REFERENCE)), home=tmp_path / "home",
               env={"WORKBENCH_TEST_TIMEOUT_S": "soon"})
    assert done.returncode == 2
    assert "test_timeout_s" in done.stderr


def test_help(tmp_path: Path) -> None:
    done = run("--help", home=tmp_path / "home")
    assert done.returncode == 0
    for command in ("grade", "check-bank"):
        assert command in done.stdout


# -- check-bank ------------------------------------------------------------------------------------------


@pytest.fixture
def small_bank(tmp_path: Path, make_exercise: Callable[..., Path]) -> Path:
    make_exercise("good-one")
    make_exercise("reference-fails", reference=ADD_WRONG)
    make_exercise("bad-toml", toml='title = "oops\n')
    return tmp_path / "bank"


def test_check_bank_names_the_broken_exercises(tmp_path: Path, small_bank: Path) -> None:
    done = run("check-bank", str(small_bank), home=tmp_path / "home")
    assert done.returncode == 1
    failures = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert any(line.startswith("FAIL python/reference-fails: reference does not pass") for line in failures)
    assert any(line.startswith("FAIL python/bad-toml:") for line in failures)
    assert not any("good-one" in line for line in failures)
    assert done.stdout.splitlines()[-1].startswith("1 of 3 exercises valid")


def test_check_bank_json(tmp_path: Path, small_bank: Path) -> None:
    done = run("check-bank", str(small_bank), "--json", home=tmp_path / "home")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert (report["exercises"], report["valid"]) == (3, 1)
    assert sorted(report["problems"]) == ["python/bad-toml", "python/reference-fails"]
    assert report["skills"] == ["functions"]


def test_check_bank_of_good_exercises_exits_0(tmp_path: Path, make_exercise: Callable[..., Path]) -> None:
    make_exercise("good-one")
    make_exercise("good-two")
    done = run("check-bank", str(tmp_path / "bank"), home=tmp_path / "home")
    assert done.returncode == 0, done.stdout
    assert "2 of 2 exercises valid" in done.stdout


def test_check_bank_on_the_real_bank(tmp_path: Path) -> None:
    done = run("check-bank", "--json", home=tmp_path / "home", timeout=240)
    report = json.loads(done.stdout)
    assert report["problems"] == {}
    assert done.returncode == 0
    assert report["valid"] == report["exercises"] >= 60
    assert len(report["skills"]) >= 10


def test_check_bank_names_an_exercise_without_its_toml_and_refuses_a_folder_without_exercises(
        tmp_path: Path, make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise("good-one")
    misnamed = make_exercise("misnamed")
    (misnamed / "exercise.toml").rename(misnamed / "exercises.toml")
    done = run("check-bank", str(tmp_path / "bank"), home=tmp_path / "home")
    assert done.returncode == 1
    assert "FAIL python/misnamed: missing exercise.toml" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("1 of 2 exercises valid")
    for empty in (tmp_path / "empty", folder):  # an empty folder, and one exercise's folder instead of the bank's
        empty.mkdir(exist_ok=True)
        refused = run("check-bank", str(empty), home=tmp_path / "home")
        assert refused.returncode == 2 and "no exercises in" in refused.stderr, refused.stdout
