"""The learning workbench's engine: a library with one way in, the ``Workbench`` facade."""

from engine.accounts import AccountError, LoginError, User
from engine.achievements import Achievement, AchievementStatus
from engine.attempts import Attempt, Draft
from engine.bank import Exercise, ExerciseError, UnknownExercise
from engine.cohorts import AccessDenied, Cohort, CohortError
from engine.console import ConsoleError, ConsoleResult
from engine.conversations import Conversation, ConversationNotFound, Message
from engine.daily import PlannedExercise, TodaysSet
from engine.dashboard import Dashboard, LearnerReport
from engine.demo import DemoData, DemoError
from engine.export import ExportError
from engine.generation import DraftRecord, GenerationResult, UnknownSkill
from engine.grader import GradeResult, SolutionRefused, TestResult
from engine.invitations import Invitation, InvitationError
from engine.learner import SkillEstimate
from engine.level import LevelChange
from engine.lock import FolderInUse
from engine.memory import Memory, MemoryStore
from engine.planner import Pick
from engine.profile import Profile, ProfileError
from engine.progress import NextSkill, Progress, Streaks, Summary
from engine.sandbox import Isolation
from engine.settings import Settings
from engine.steering import Level
from engine.workbench import Workbench

__all__ = [
    "AccessDenied",
    "AccountError",
    "Achievement",
    "AchievementStatus",
    "Attempt",
    "Cohort",
    "CohortError",
    "ConsoleError",
    "ConsoleResult",
    "Conversation",
    "ConversationNotFound",
    "Dashboard",
    "DemoData",
    "DemoError",
    "Draft",
    "DraftRecord",
    "Exercise",
    "ExerciseError",
    "ExportError",
    "FolderInUse",
    "GenerationResult",
    "GradeResult",
    "Invitation",
    "InvitationError",
    "Isolation",
    "LearnerReport",
    "Level",
    "LevelChange",
    "LoginError",
    "Memory",
    "MemoryStore",
    "Message",
    "NextSkill",
    "Pick",
    "PlannedExercise",
    "Profile",
    "ProfileError",
    "Progress",
    "Settings",
    "SolutionRefused",
    "SkillEstimate",
    "Streaks",
    "Summary",
    "TestResult",
    "TodaysSet",
    "UnknownExercise",
    "UnknownSkill",
    "User",
    "Workbench",
]
