"""The facade's calls for practising: grading, the daily set, the learner model's figures, the
level, the profile and the interview, drafts, hints and skips."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from engine.attempts import Attempt, Draft
from engine.bank import Exercise, UnknownExercise
from engine.daily import TodaysSet
from engine.events import Event
from engine.facade.parts import Parts
from engine.grader import GradeResult, SolutionRefused
from engine.learner import SkillEstimate
from engine.level import LevelChange
from engine.outcomes import level_changed, result_summary
from engine.planner import Pick
from engine.profile import Profile
from engine.steering import Level
from engine.whole_numbers import is_whole

TOUCH_S = 60  # seconds: an action this soon after the last one on an exercise need not be written down
VIEW_GAP_S = 30 * 60  # an exercise opened after this long without an action on it is "viewed" again: a new spell


class PracticeCalls(Parts):
    """What a learner does on the Practice, Profile and History pages."""

    def grade(self, exercise: Exercise | str | Path, code: str) -> GradeResult:
        """Run the tests in the sandbox; records nothing. ``exercise``: an id, or a folder path."""
        if isinstance(exercise, str) and exercise in self.bank:
            exercise = self.bank.get(exercise)
        elif isinstance(exercise, str) and not Path(exercise).is_dir():
            raise UnknownExercise(exercise)
        return self.grader.grade(exercise, code)

    def run_tests(self, user_id: int, exercise_id: str, code: str) -> GradeResult:
        """Grade without submitting (the "Run tests" button): logged, not counted as an attempt."""
        result = self.grade(exercise_id, code)
        self._latest[(user_id, exercise_id)] = (result, code)
        self.events.append(Event(user_id, "ran-tests", exercise_id, result_summary(result)))
        return result

    def submit(self, user_id: int, exercise_id: str, code: str, hints_used: int = 0,
               duration_s: float | None = None) -> Attempt:
        """Grade, record the attempt and its events, and update the learner model. Code the grader
        refuses unrun (empty, too large) is no attempt: it raises SolutionRefused, recording nothing."""
        exercise = self.exercise(exercise_id)
        result = self.grade(exercise, code)
        self._latest[(user_id, exercise_id)] = (result, code)  # a refusal too: the page shows why
        if refusal := self.grader.refusal(code):
            raise SolutionRefused(refusal)
        attempt = self._outcomes.record_graded(user_id, exercise, result, code, hints_used, duration_s, self.clock())
        self._notes.remember_mistake(user_id, exercise, result)
        return attempt

    def record_result(self, user_id: int, exercise_id: str, passed: bool, hints_used: int = 0,
                      duration_s: float | None = None, at: datetime | None = None) -> None:
        """Record an outcome graded elsewhere (imports, simulations). ``at``: timezone-aware; a result
        older than the learner's latest is learnt from but moves no "last seen" back."""
        if at is not None and at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        exercise = self.exercise(exercise_id)
        self._outcomes.record(user_id, exercise, passed, hints_used, duration_s, at or self.clock(),
                              status="pass" if passed else "fail")

    def latest_result(self, user_id: int, exercise_id: str) -> GradeResult | None:
        latest = self._latest.get((user_id, exercise_id))
        return latest[0] if latest else None

    def latest_code(self, user_id: int, exercise_id: str) -> str | None:
        """The code of the learner's latest run or submission of the exercise in this process."""
        latest = self._latest.get((user_id, exercise_id))
        return latest[1] if latest else None

    # -- practice ------------------------------------------------------------------------------

    def next_exercises(self, user_id: int, n: int | None = None, repeat: bool = False) -> list[Exercise]:
        """The personalised daily set, best first. ``n``: how many; by default as many as the
        learner's minutes per day allow (3 without a profile). ``repeat``: allow today's again."""
        return [p.exercise for p in self.daily_set(user_id, n, repeat)]

    def daily_set(self, user_id: int, n: int | None = None, repeat: bool = False) -> list[Pick]:
        """The daily set with a one-line reason for each pick."""
        return self._daily_set(user_id, n, repeat, self.local_now(user_id))

    def _daily_set(self, user_id: int, n: int | None, repeat: bool, now: datetime) -> list[Pick]:
        """``daily_set`` as of ``now``, the learner's local time (looked up once by the caller)."""
        if n is None:
            n = self.profile(user_id).daily_set_size or self.settings.daily_set_size
        if not is_whole(n) or n < 0:
            raise ValueError(f"n must be a whole number, 0 or more, not {n!r}")
        return self.planner.daily_set(user_id, n, now, repeat=repeat)

    def todays_set(self, user_id: int) -> TodaysSet:
        """Today's set (today in the learner's time zone) as planned on the day's first visit, with
        how each exercise went today."""
        return self._todays_set(user_id, self.local_now(user_id))

    def todays_plan(self, user_id: int) -> TodaysSet:
        """Today's set as planned so far, without planning it: empty before the day's first visit."""
        now = self.local_now(user_id)
        return self.daily_sets.get(user_id, now.date(), str(now.tzinfo))

    def _todays_set(self, user_id: int, now: datetime) -> TodaysSet:
        return self.daily_sets.planned(user_id, now.date(), lambda: self._daily_set(user_id, None, False, now),
                                       str(now.tzinfo))

    def more_exercises(self, user_id: int, n: int = 1) -> TodaysSet:
        """Add ``n`` more exercises to today's set (the learner asked for more)."""
        now = self.local_now(user_id)
        return self.daily_sets.extend(user_id, now.date(), n, self._todays_set(user_id, now),
                                      lambda count: self._daily_set(user_id, count, False, now), str(now.tzinfo))

    def locked_skills(self, user_id: int) -> list[str]:
        """The skills (ids, in curriculum order) whose exercises open only once earlier skills are passed."""
        self.accounts.require(user_id)
        return self.planner.locked_skills(user_id)

    def predict(self, user_id: int, exercise_id: str) -> float:
        """The model's chance that this learner passes this exercise now (without hints)."""
        self.accounts.require(user_id)
        return self.model.predictor(user_id)(self.exercise(exercise_id))

    def skill_estimate(self, user_id: int, skill: str) -> float:
        """The ability estimate in a skill, on the logit scale (0: even odds at level 5.5)."""
        estimates = self.model.estimates(user_id)
        return estimates[skill].ability if skill in estimates else self.model.state(user_id).general.mean

    def skill_estimates(self, user_id: int) -> dict[str, SkillEstimate]:
        """Every skill's estimate with its uncertainty and evidence, in curriculum order."""
        return self.model.estimates(user_id)

    def exercise_difficulty(self, exercise_id: str) -> float:
        """The exercise's calibrated difficulty on the logit scale, from every learner's results."""
        return self.model.difficulty(self.exercise(exercise_id)).mean

    # -- level and profile ------------------------------------------------------------------------

    def level(self, user_id: int) -> Level:
        """The visible level (1..10), whether it is pinned, and its history, newest first."""
        return self.model.level(user_id)

    def steer_level(self, user_id: int, action: str, level: int | None = None) -> LevelChange | None:
        """The learner's override: "easier", "harder", "pin" (with ``level``) or "auto". The exercises
        of today's set not begun yet are chosen again at the new aim."""
        now = self.local_now(user_id)  # first: an unknown learner is refused before anything is written
        change = self.model.steer(user_id, action, self.clock(), level)
        if change is None:
            return None
        self.events.append(level_changed(user_id, change))
        self._choose_again(user_id, now)
        return change

    def _choose_again(self, user_id: int, now: datetime) -> None:
        """Choose again the exercises of today's set not begun yet, after the model's aim moved; ``now``: the
        learner's."""
        try:
            self.daily_sets.replan(user_id, now.date(), lambda count: self._daily_set(user_id, count, False, now),
                                   str(now.tzinfo))
        except (duckdb.ConstraintException, duckdb.TransactionException):
            pass  # a run of Practice changed today's set at this moment: the change stands, the set as it is

    def profile(self, user_id: int) -> Profile:
        return self.profiles.get(user_id)

    def skill_groups(self) -> dict[str, str]:
        """The areas learners rate themselves on: id -> name."""
        return {g.id: g.name for g in self.curriculum.groups.values()}

    def answer_onboarding(self, user_id: int, step: str, answers: Mapping[str, Any]) -> Profile:
        """Validate and save one step of the interview (``ProfileError`` says what to fix).
        Self-assessed levels seed the learner model where it has no evidence yet; then the exercises of
        today's set not begun yet are chosen again, as after Easier or Harder."""
        with self.store.transaction():
            again = self.profiles.get(user_id).completed
            reseeding = step == "levels" and not self.model.state(user_id).evidence
            profile = self.profiles.answer(user_id, step, answers, self.skill_groups(), self.clock())
            change = self.model.seed(user_id, profile.levels, self.clock(), again) if step == "levels" else None
            if change is not None:
                self.events.append(level_changed(user_id, change))
            self.events.append(Event(user_id, "answered-onboarding", step, {"completed": profile.completed},
                                     occurred_at=self.clock()))
        if reseeding and again:
            self._choose_again(user_id, self.local_now(user_id))
        if step == "goals":
            self._notes.remember_goals(user_id, profile)
        return profile

    def preferences(self, user_id: int) -> dict[str, str]:
        """The user's settings of the app (``engine.preferences.CHOICES``), defaults for those never set."""
        return self._preferences.get(user_id)

    def set_preference(self, user_id: int, name: str, value: str) -> None:
        """Keep a setting for the user's next sessions (``ValueError`` for an unknown name or value)."""
        self._preferences.set(user_id, name, value, self.clock())

    def history(self, user_id: int, limit: int = 200) -> list[Attempt]:
        return self.attempts.history(user_id, limit)

    def attempt_code(self, user_id: int, attempt_id: int) -> str | None:
        """The code of one of the user's own attempts; None for another's, or a result without code."""
        return self.attempts.code(user_id, attempt_id)

    def draft(self, user_id: int, exercise_id: str) -> Draft | None:
        return self.attempts.draft(user_id, exercise_id)

    def save_draft(self, user_id: int, exercise_id: str, code: str, hints_shown: int | None = None) -> None:
        self.attempts.save_draft(user_id, exercise_id, code, hints_shown, at=self.clock())

    def count_hints(self, user_id: int, exercise_id: str, hints_shown: int) -> None:
        """Hints given beside the code (the tutor's rungs): counted in the draft, whose code stays the learner's,
        and remembered as the page's Show a hint is (the tutor's reply is logged with its hint)."""
        exercise = self.exercise(exercise_id)
        before = self.draft(user_id, exercise_id)
        after = self.attempts.count_hints(user_id, exercise_id, hints_shown, exercise.starter, at=self.clock())
        if after.hints_shown > (before.hints_shown if before else 0):
            self._notes.remember_hint(user_id, exercise, after.hints_shown)

    def solved(self, user_id: int, exercise_id: str) -> bool:
        """Whether the learner has submitted a passing solution of the exercise."""
        return self.attempts.solved(user_id, exercise_id)

    def work_on(self, user_id: int, exercise_id: str) -> Draft:
        """The learner has the exercise open: its draft (the starter code until they type) starts counting
        time on the task, or goes on counting it. Reading the instructions is part of the work. Logged
        "viewed" when first opened, and when come back to after ``VIEW_GAP_S`` without an action on it.

        Written only when the last action is ``TOUCH_S`` old or more: the page calls this on every run, and
        two runs of it may overlap (Streamlit starts the next before the last has stopped), so that writing
        the same draft each time made them conflict. A conflict all the same leaves the draft as it is."""
        draft = self.draft(user_id, exercise_id)
        now = self.clock()
        idle_s = (now - draft.updated_at).total_seconds() if draft is not None else None
        if draft is not None and idle_s is not None and idle_s < TOUCH_S and draft.away_since is None:
            return draft
        code = draft.code if draft else self.exercise(exercise_id).starter
        try:
            saved = self.attempts.save_draft(user_id, exercise_id, code, at=now)
        except duckdb.TransactionException:  # another run is writing this draft at this moment
            return self.draft(user_id, exercise_id) or draft or Draft(code, 0, now, now)
        if idle_s is None or idle_s >= VIEW_GAP_S:  # opened for the first time, or come back to
            self.events.append(Event(user_id, "viewed", exercise_id, occurred_at=now))
        return saved

    def away_from_exercises(self, user_id: int) -> None:
        """The learner is on another page of the app (their progress, their history): time there is not
        time on the exercises they had open, which count it up to now and stand still until the learner is
        back on one (``work_on``). Called on every run of those pages; a draft written at this very moment
        (another tab) is left as it is, to be stepped away from at the next run."""
        try:
            self.attempts.step_away(user_id, at=self.clock())
        except duckdb.TransactionException:
            pass

    def reveal_hint(self, user_id: int, exercise_id: str, code: str) -> tuple[int, str]:
        """Show one more hint: returns (hints shown now, that hint). Counted in the draft and the log."""
        exercise = self.exercise(exercise_id)
        draft = self.draft(user_id, exercise_id)
        shown = min(len(exercise.hints), (draft.hints_shown if draft else 0) + 1)
        self.save_draft(user_id, exercise_id, code, shown)
        self.events.append(Event(user_id, "requested-hint", exercise_id, {"hint": shown}, occurred_at=self.clock()))
        self._notes.remember_hint(user_id, exercise, shown)
        return shown, exercise.hints[shown - 1]

    def skip(self, user_id: int, exercise_id: str) -> None:
        """Put an exercise aside for today: marked skipped in today's set and left out of further
        picks today (``repeat`` brings it back)."""
        self.accounts.require(user_id)
        self.exercise(exercise_id)
        now = self.clock()
        self.reviews.skip(user_id, exercise_id, now)
        self.events.append(Event(user_id, "skipped", exercise_id, occurred_at=now))
