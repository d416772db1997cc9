"""The learning workbench's engine: a library with one way in, the ``Workbench`` facade."""

from engine.accounts import AccountError, LoginError, User
from engine.attempts import Attempt, Draft
from engine.bank import Exercise, ExerciseError, UnknownExercise
from engine.daily import PlannedExercise, TodaysSet
from engine.grader import GradeResult, TestResult
from engine.learner import Level, SkillEstimate
from engine.level import LevelChange
from engine.planner import Pick
from engine.profile import Profile, ProfileError
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
    "Level",
    "LevelChange",
    "LoginError",
    "Pick",
    "PlannedExercise",
    "Profile",
    "ProfileError",
    "Settings",
    "SkillEstimate",
    "TestResult",
    "TodaysSet",
    "UnknownExercise",
    "User",
    "Workbench",
]
