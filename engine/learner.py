"""The learner model: what each learner can do, how hard each exercise is, and the level.

A learner's ability in a skill is their general ability plus a deviation for that skill; an
exercise has a difficulty. All three are Gaussian beliefs on one logit scale (``engine.rating``),
updated from every recorded result. Splitting general ability from skill deviations lets a
result in one skill say something about the others (a strong learner is usually strong
elsewhere) while each skill still finds its own level. Exercise difficulties start from the
authored level and are calibrated by every learner's results.

Time widens beliefs a little every day (learners learn and forget), and a gap of a week or more
widens them more, so the next results move the estimates quickly again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from engine.bank import Exercise
from engine.clock import calendar_days, in_zone, to_aware_utc, to_naive_utc
from engine.curriculum import Curriculum
from engine.level import LevelChange, Staircase, clamp_level, comfortable_level, is_struggle, level_difficulty
from engine.profile import SELF_LEVELS
from engine.rating import Belief, chance, condition, observe
from engine.steering import Level, in_levels, steered
from engine.store import Store

SELF_LEVEL_ABILITY = dict(zip(SELF_LEVELS, (-1.5, -0.5, 0.5, 1.5), strict=True))
GENERAL_PRIOR = Belief(0.0, 1.0)
STARTING_LEVEL = comfortable_level(GENERAL_PRIOR.mean)  # the level of a learner the model knows nothing of yet
SELF_ASSESSMENT_VARIANCE = 0.45  # a group's self-rating against its mean ability: misjudgement and rounding to 4 answers
DEVIATION_PRIOR_VARIANCE = 0.3
DIFFICULTY_PRIOR_VARIANCE = 0.35
ABILITY_FLOOR = 0.02  # keeps a learner's estimates moving while they learn
DIFFICULTY_FLOOR = 0.005
DRIFT_PER_DAY = 0.004
GAP_DAYS = 7
GAP_WIDENING = 0.2
LEARNING_GAIN = 0.02  # logits a skill gains from one try, on average
PRIMARY_WEIGHT = 0.7


def outcome_score(passed: bool, hints_used: int, failed_before: int = 0, slow: bool = False) -> float:
    """What a result says about ability: a clean first pass is 1, a fail 0; hints, earlier failed
    attempts at the same exercise and slow solving make a pass count for less."""
    if not passed:
        return 0.0
    return max(0.5, 1.0 - 0.15 * max(0, hints_used) - 0.1 * max(0, failed_before) - (0.1 if slow else 0.0))


def skill_weights(skills: tuple[str, ...]) -> list[float]:
    """How much each of an exercise's skills counts: the primary one most."""
    if len(skills) == 1:
        return [1.0]
    return [PRIMARY_WEIGHT] + [(1 - PRIMARY_WEIGHT) / (len(skills) - 1)] * (len(skills) - 1)


@dataclass(frozen=True)
class SkillEstimate:
    skill: str
    ability: float
    sd: float
    evidence: int


def skill_estimates(curriculum: Curriculum, general: Belief,
                    deviations: Mapping[str, tuple[Belief, int]]) -> dict[str, SkillEstimate]:
    """Every curriculum skill's (and every rated skill's) estimate from the general ability and the
    skill deviations (belief, evidence): one arithmetic for a learner's own pages and for the cohort
    dashboard, which reads a whole cohort's beliefs at once."""
    skills = list(curriculum.skills) + [s for s in deviations if s not in curriculum.skills]
    estimates = {}
    for skill in skills:
        deviation, evidence = deviations.get(skill, (Belief(0.0, DEVIATION_PRIOR_VARIANCE), 0))
        estimates[skill] = SkillEstimate(skill, general.mean + deviation.mean,
                                         math.sqrt(general.variance + deviation.variance), evidence)
    return estimates


@dataclass(frozen=True)
class LearnerState:
    general: Belief
    evidence: int
    staircase: Staircase
    offset: float  # logits the learner asked to shift their exercises by (easier < 0 < harder)
    last_result_at: datetime | None
    level_before_pin: int | None = None  # the rule's level, without steering, when a level was pinned


@dataclass(frozen=True)
class Snapshot:
    state: LearnerState
    deviations: dict[str, tuple[Belief, int]]


class LearnerModel:
    """Beliefs in the store (``learner_state``, ``skill_ratings``, ``exercise_ratings``)."""

    def __init__(self, store: Store, curriculum: Curriculum) -> None:
        self.store = store
        self.curriculum = curriculum
        self._difficulties: dict[str, tuple[Belief, int]] | None = None

    # -- reading ----------------------------------------------------------------------------

    def state(self, user_id: int) -> LearnerState:
        row = self.store.one("SELECT ability, variance, evidence, level, level_pinned, level_offset, successes_in_row, "
                             "struggles_in_row, last_result_at, level_before_pin FROM learner_state WHERE user_id = ?",
                             [user_id])
        if row is None:
            return LearnerState(GENERAL_PRIOR, 0, Staircase(STARTING_LEVEL), 0.0, None)
        return LearnerState(Belief(row[0], row[1]), row[2], Staircase(row[3], row[4], row[6], row[7]), row[5],
                            to_aware_utc(row[8]) if row[8] else None, row[9])

    def deviations(self, user_id: int) -> dict[str, tuple[Belief, int]]:
        rows = self.store.all("SELECT skill, deviation, variance, evidence FROM skill_ratings WHERE user_id = ?",
                              [user_id])
        return {r[0]: (Belief(r[1], r[2]), r[3]) for r in rows}

    def difficulty(self, exercise: Exercise) -> Belief:
        """The exercise's calibrated difficulty (its authored level until results come in)."""
        return self._difficulty(exercise)[0]

    def snapshot(self, user_id: int) -> Snapshot:
        """The learner's state and skill deviations, read once for many predictions."""
        return Snapshot(self.state(user_id), self.deviations(user_id))

    def estimates(self, user_id: int, snapshot: Snapshot | None = None) -> dict[str, SkillEstimate]:
        """Every curriculum skill's (and every rated skill's) ability estimate, with its uncertainty."""
        snapshot = snapshot or self.snapshot(user_id)
        return skill_estimates(self.curriculum, snapshot.state.general, snapshot.deviations)

    def predictor(self, user_id: int, shift: float = 0.0, snapshot: Snapshot | None = None) -> Callable[[Exercise], float]:
        """A function giving the learner's chance of passing an exercise, for scoring many at once.
        ``shift`` moves the learner's ability (the planner aims easier or harder with it)."""
        snapshot = snapshot or self.snapshot(user_id)
        general, deviations = snapshot.state.general, snapshot.deviations
        default = (Belief(0.0, DEVIATION_PRIOR_VARIANCE), 0)

        def predict(exercise: Exercise) -> float:
            terms = self._terms(general, {s: deviations.get(s, default)[0] for s in exercise.skills}, exercise)
            # at the beliefs' means: beliefs kept per quantity (without their correlations)
            # overstate the margin's uncertainty, and averaging over it made predictions too
            # timid in simulation (the days came out easier than aimed)
            return chance(sum(c * b.mean for c, b in terms) + shift)

        return predict

    def spread(self, user_id: int, snapshot: Snapshot | None = None) -> Callable[[Exercise], float]:
        """A function giving how unsure the model is of an exercise's margin for the learner, beyond
        the general ability every exercise shares: the variance of its skill deviations and its
        difficulty (logits squared). The planner prefers what it can predict."""
        snapshot = snapshot or self.snapshot(user_id)
        deviations = snapshot.deviations
        default = (Belief(0.0, DEVIATION_PRIOR_VARIANCE), 0)

        def variance(exercise: Exercise) -> float:
            terms = self._terms(snapshot.state.general, {s: deviations.get(s, default)[0] for s in exercise.skills}, exercise)
            return sum(c * c * b.variance for c, b in terms[1:])

        return variance

    def level(self, user_id: int) -> Level:
        state = self.state(user_id)
        rows = self.store.all("SELECT changed_at, old_level, new_level, reason FROM level_changes "
                              "WHERE user_id = ? ORDER BY changed_at DESC, rowid DESC", [user_id])
        history = [LevelChange(to_aware_utc(r[0]), r[1], r[2], r[3]) for r in rows]
        return Level(state.staircase.level, state.staircase.pinned,
                     in_levels(state.offset), history)

    # -- writing ----------------------------------------------------------------------------

    def seed(self, user_id: int, self_levels: Mapping[str, str], at: datetime, again: bool = False) -> LevelChange | None:
        """Start a learner from their self-assessment (skill group -> SELF_LEVELS key). Only a
        learner without results is seeded: once results speak, editing the profile changes nothing
        of the model (the beliefs seeded from the interview are mixed with the results' evidence).
        ``again``: a new self-rating of a learner who has seen their level, which its history then shows."""
        answers = {g: v for g, v in self_levels.items() if g in self.curriculum.groups and v in SELF_LEVEL_ABILITY}
        state = self.state(user_id)
        if not answers or state.evidence:
            return None
        general, seeded = self.interview_beliefs(answers)
        rated = comfortable_level(general.mean)
        staircase, before_pin = state.staircase, state.level_before_pin
        if staircase.pinned:
            # the pin holds, but the level it returns to is the new self-rating's: Back to automatic
            # went back to the rating this one replaced
            before_pin = rated
        else:  # the level of the self-rating, still as much easier or harder as the learner asked
            staircase = replace(staircase, level=clamp_level(rated + in_levels(state.offset)))
        self._save_state(user_id, replace(state, general=general, staircase=staircase, level_before_pin=before_pin), at)
        self.store.execute("DELETE FROM skill_ratings WHERE user_id = ?", [user_id])  # answered again: start over
        self._save_deviations(user_id, [(skill, belief, 0) for skill, belief in seeded.items()], at)
        if not again or staircase.level == state.staircase.level:
            return None
        return self._log_change(user_id, state.staircase.level, staircase.level, "from your self-rating", at)

    def interview_beliefs(self, answers: Mapping[str, str]) -> tuple[Belief, dict[str, Belief]]:
        """The beliefs the interview's answers justify, starting from the priors: each answer is a
        noisy reading of the mean ability over its group's skills, so it mostly informs general
        ability and moves the group's skill deviations a little (one Kalman update per answer)."""
        skills = list(self.curriculum.skills)
        column = {skill: i + 1 for i, skill in enumerate(skills)}
        means = [GENERAL_PRIOR.mean] + [0.0] * len(skills)
        covariance = [[0.0] * len(means) for _ in means]
        covariance[0][0] = GENERAL_PRIOR.variance
        for i in range(1, len(means)):
            covariance[i][i] = DEVIATION_PRIOR_VARIANCE
        answered: set[str] = set()
        for group_id, answer in answers.items():
            group_skills = [s for s in self.curriculum.groups[group_id].skills if s in column]
            if not group_skills:
                continue
            coefficients = [1.0] + [0.0] * len(skills)
            for skill in group_skills:
                coefficients[column[skill]] = 1.0 / len(group_skills)
            means, covariance = condition(means, covariance, coefficients, SELF_LEVEL_ABILITY[answer],
                                          SELF_ASSESSMENT_VARIANCE)
            answered.update(group_skills)
        general = Belief(means[0], covariance[0][0])
        return general, {s: Belief(means[column[s]], covariance[column[s]][column[s]]) for s in skills if s in answered}

    def update(self, user_id: int, exercise: Exercise, passed: bool, hints_used: int, duration_s: float | None,
               failed_before: int, at: datetime, counts_for_level: bool = True,
               time_zone: str | None = None) -> LevelChange | None:
        """Learn from one result: abilities, the exercise's difficulty and the level move together.
        ``counts_for_level`` False: the result leaves the level rule's runs alone (a retry). ``time_zone``:
        the learner's, whose midnights count a week away (None: UTC)."""
        state = self.state(user_id)
        deviations = self.deviations(user_id)
        general = _aged(state.general, state.last_result_at, at, GENERAL_PRIOR.variance, time_zone)
        skill_beliefs = {}
        for skill in exercise.skills:
            belief, _ = deviations.get(skill, (Belief(0.0, DEVIATION_PRIOR_VARIANCE), 0))
            skill_beliefs[skill] = _aged(belief, state.last_result_at, at, DEVIATION_PRIOR_VARIANCE, time_zone)
        difficulty, difficulty_evidence = self._difficulty(exercise)
        new_general, *new_skills, new_difficulty = self.observed(general, skill_beliefs, exercise, difficulty, passed,
                                                                 hints_used, duration_s, failed_before)
        struggled = is_struggle(passed, hints_used, duration_s, exercise.difficulty)
        # practice itself teaches: each try moves the skills it used up a little (as learning
        # curves and the Additive Factors Model have it), so the model does not lag a learning learner
        new_skills = [Belief(b.mean + LEARNING_GAIN * w, b.variance)
                      for b, w in zip(new_skills, skill_weights(exercise.skills), strict=True)]
        staircase, reason = state.staircase.after(struggled, exercise.difficulty) if counts_for_level \
            else (state.staircase, None)
        latest = max(at, state.last_result_at) if state.last_result_at else at  # two runs may finish out of order
        self._save_state(user_id, replace(state, general=new_general, evidence=state.evidence + 1, staircase=staircase,
                                          last_result_at=latest), at)
        self._save_deviations(user_id, [(skill, belief, deviations.get(skill, (None, 0))[1] + 1)
                                        for skill, belief in zip(exercise.skills, new_skills, strict=True)], at)
        self._save_difficulty(exercise.id, Belief(new_difficulty.mean, max(DIFFICULTY_FLOOR, new_difficulty.variance)),
                              difficulty_evidence + 1, at)
        if reason is None:
            return None
        return self._log_change(user_id, state.staircase.level, staircase.level, reason, at)

    def observed(self, general: Belief, skills: Mapping[str, Belief], exercise: Exercise, difficulty: Belief,
                 passed: bool, hints_used: int, duration_s: float | None, failed_before: int) -> list[Belief]:
        """The beliefs after one result, from these before it: general ability, the exercise's skill
        deviations in order, and its difficulty last."""
        struggled = is_struggle(passed, hints_used, duration_s, exercise.difficulty)
        score = outcome_score(passed, hints_used, failed_before, slow=struggled and passed and hints_used < 2)
        return observe(self._terms(general, skills, exercise, difficulty), score, floor=ABILITY_FLOOR)

    def replace_difficulties(self, beliefs: Mapping[str, tuple[Belief, int]], at: datetime) -> None:
        """Every exercise's difficulty and its evidence, in place of all known: the others are back at their
        authored levels."""
        self.store.execute("DELETE FROM exercise_ratings")
        self._difficulties = None
        for exercise_id, (belief, evidence) in beliefs.items():
            self._save_difficulty(exercise_id, belief, evidence, at)

    def steer(self, user_id: int, action: str, at: datetime, level: int | None = None) -> LevelChange | None:
        """The learner's override: "easier", "harder", "pin" (at ``level``) or "auto" (the rule again);
        ``engine.steering.steered`` says what each does. None when it changes nothing."""
        state = self.state(user_id)
        outcome = steered(state, action, level)
        if outcome is None:
            return None
        new, reason = outcome
        self._save_state(user_id, new, at)
        return self._log_change(user_id, state.staircase.level, new.staircase.level, reason, at)

    def forget(self, user_id: int) -> None:
        for table in ("learner_state", "skill_ratings", "level_changes"):
            self.store.execute(f"DELETE FROM {table} WHERE user_id = ?", [user_id])

    # -- internals --------------------------------------------------------------------------

    def _terms(self, general: Belief, skills: Mapping[str, Belief], exercise: Exercise,
               difficulty: Belief | None = None) -> list[tuple[float, Belief]]:
        weights = skill_weights(exercise.skills)
        terms = [(1.0, general)] + [(w, skills[s]) for w, s in zip(weights, exercise.skills, strict=True)]
        return terms + [(-1.0, difficulty or self.difficulty(exercise))]

    def _difficulty(self, exercise: Exercise) -> tuple[Belief, int]:
        if self._difficulties is None:
            rows = self.store.all("SELECT exercise_id, difficulty, variance, evidence FROM exercise_ratings")
            self._difficulties = {r[0]: (Belief(r[1], r[2]), r[3]) for r in rows}
        known = self._difficulties.get(exercise.id)
        return known if known else (authored_difficulty(exercise), 0)

    def _save_state(self, user_id: int, state: LearnerState, at: datetime) -> None:
        s = state.staircase
        self.store.execute(
            "INSERT OR REPLACE INTO learner_state (user_id, ability, variance, evidence, level, level_pinned, "
            "level_offset, successes_in_row, struggles_in_row, last_result_at, updated_at, level_before_pin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [user_id, state.general.mean, state.general.variance, state.evidence, s.level, s.pinned, state.offset,
             s.successes, s.struggles, to_naive_utc(state.last_result_at) if state.last_result_at else None,
             to_naive_utc(at), state.level_before_pin])

    def _save_deviations(self, user_id: int, rows: list[tuple[str, Belief, int]], at: datetime) -> None:
        """Save skill deviations in one statement: (skill, belief, evidence) rows."""
        if not rows:
            return
        values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(rows))
        params = [x for skill, b, evidence in rows for x in (user_id, skill, b.mean, b.variance, evidence, to_naive_utc(at))]
        self.store.execute("INSERT OR REPLACE INTO skill_ratings (user_id, skill, deviation, variance, evidence, "
                           f"updated_at) VALUES {values}", params)

    def _save_difficulty(self, exercise_id: str, belief: Belief, evidence: int, at: datetime) -> None:
        self.store.execute(
            "INSERT OR REPLACE INTO exercise_ratings (exercise_id, difficulty, variance, evidence, updated_at) "
            "VALUES (?, ?, ?, ?, ?)", [exercise_id, belief.mean, belief.variance, evidence, to_naive_utc(at)])
        if self._difficulties is not None:
            self._difficulties[exercise_id] = (belief, evidence)

    def _log_change(self, user_id: int, old: int, new: int, reason: str, at: datetime) -> LevelChange:
        change = LevelChange(to_aware_utc(at), old, new, reason)
        self.store.execute("INSERT INTO level_changes (user_id, changed_at, old_level, new_level, reason) "
                           "VALUES (?, ?, ?, ?, ?)", [user_id, to_naive_utc(at), old, new, reason])
        return change


def authored_difficulty(exercise: Exercise) -> Belief:
    """What is believed of an exercise's difficulty before any result: its authored level, give or take."""
    return Belief(level_difficulty(exercise.difficulty), DIFFICULTY_PRIOR_VARIANCE)


def _aged(belief: Belief, since: datetime | None, now: datetime, cap: float, time_zone: str | None = None) -> Belief:
    """A belief made less certain by the time since the learner's last result: a little a day, and more
    after a week away, counted in the learner's midnights as the planner's "welcome back" is."""
    if since is None:
        return belief
    days = max(0.0, (now - since).total_seconds() / 86400)
    away = calendar_days(since, in_zone(now, time_zone))
    extra = DRIFT_PER_DAY * days + (GAP_WIDENING if away >= GAP_DAYS else 0.0)
    return belief.widened(extra, cap)
