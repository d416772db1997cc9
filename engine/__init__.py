"""The learning workbench's engine: a library with one way in, the ``Workbench`` facade."""

from engine.accounts import AccountError, LoginError, User
from engine.attempts import Attempt, Draft
from engine.bank import Exercise, ExerciseError, UnknownExercise
from engine.grader import GradeResult, TestResult
from engine.planner import Pick
from engine.sandbox import Isolation
from engine.settings import Settings
from engine.workbench import Workbench

__all__ = [
    "AccountError",
    "Attempt",
    "Draft",
    "Exercise",
    "ExerciseError",
    "GradeResult",
    "Isolation",
    "LoginError",
    "Pick",
    "Settings",
    "TestResult",
    "UnknownExercise",
    "User",
    "Workbench",
]
