"""Item analysis: each exercise's figures in a cohort beside its authored level and the level the
learner model calibrated from every learner's results, with the ones that look miscalibrated
flagged and why (``item_analysis``, one of the cohort dashboard's tables)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from engine.bank import Bank
from engine.level import LOGITS_PER_LEVEL, level_difficulty
from engine.store import Store


@dataclass(frozen=True, kw_only=True)
class CalibrationRules:
    """When an exercise's authored level looks wrong."""

    min_evidence: int = 20  # results the model needs before its calibration counts
    level_gap: float = 1.5  # calibrated and authored levels this far apart
    min_attempts: int = 20  # cohort attempts needed before a pass rate counts
    easy_pass_rate: float = 0.95  # authored hard (6+) but almost everyone passes
    hard_pass_rate: float = 0.35  # authored easy (4 or less) but most attempts fail



def calibrated(store: Store) -> pl.DataFrame:
    """The model's calibrated difficulty of every exercise it has results for (all learners)."""
    return store.frame("SELECT exercise_id, difficulty, variance, evidence FROM exercise_ratings")


def level_of(difficulty: float) -> float:
    """A logit difficulty as an authored-style level (the inverse of ``level_difficulty``)."""
    return difficulty / LOGITS_PER_LEVEL + 5.5


def item_analysis(items: pl.DataFrame, bank: Bank, calibrated: pl.DataFrame, rules: CalibrationRules) -> pl.DataFrame:
    """Per exercise: the cohort's figures beside the authored level and the model's calibrated
    level, with ``flag`` and ``why`` where they disagree. The calibration comes from every
    learner's results and accounts for who tried the exercise (the planner gives harder exercises
    to stronger learners, so a raw pass rate says little about difficulty on its own); extreme
    pass rates are flagged too, as a second opinion."""
    known = {r["exercise_id"]: r for r in calibrated.iter_rows(named=True)}
    rows = []
    for row in items.iter_rows(named=True):
        exercise_id = row["exercise_id"]
        exercise = bank.get(exercise_id) if exercise_id in bank else None
        authored = exercise.difficulty if exercise else None
        model = known.get(exercise_id)
        if model is not None:
            calibrated_level, evidence = level_of(model["difficulty"]), int(model["evidence"])
        elif authored is not None:
            calibrated_level, evidence = level_of(level_difficulty(authored)), 0
        else:
            calibrated_level, evidence = None, 0
        why = []
        if authored is not None and calibrated_level is not None and evidence >= rules.min_evidence:
            gap = calibrated_level - authored
            if abs(gap) >= rules.level_gap:
                why.append(f"plays {abs(gap):.1f} levels {'harder' if gap > 0 else 'easier'} than authored "
                           f"(calibrated {calibrated_level:.1f} from {evidence} results of all learners, authored {authored})")
        attempts, rate = int(row["attempts"]), row["pass_rate"]
        if authored is not None and attempts >= rules.min_attempts and rate is not None:
            if authored >= 6 and rate >= rules.easy_pass_rate:
                why.append(f"{rate:.0%} of {attempts} attempts pass at authored level {authored}")
            elif authored <= 4 and rate <= rules.hard_pass_rate:
                why.append(f"only {rate:.0%} of {attempts} attempts pass at authored level {authored}")
        rows.append({
            "exercise_id": exercise_id, "title": exercise.title if exercise else exercise_id,
            "skills": ", ".join(exercise.skills) if exercise else "",
            "authored_level": authored,
            "calibrated_level": None if calibrated_level is None else round(calibrated_level, 2),
            "calibration_evidence": evidence, "attempts": attempts, "learners": int(row["learners"]),
            "passes": int(row["passes"]), "pass_rate": rate, "median_duration_s": row["median_duration_s"],
            "hints_per_attempt": row["hints_per_attempt"], "flag": bool(why), "why": "; ".join(why)})
    schema = {"exercise_id": pl.Utf8, "title": pl.Utf8, "skills": pl.Utf8, "authored_level": pl.Int64,
              "calibrated_level": pl.Float64, "calibration_evidence": pl.Int64, "attempts": pl.Int64,
              "learners": pl.Int64, "passes": pl.Int64, "pass_rate": pl.Float64, "median_duration_s": pl.Float64,
              "hints_per_attempt": pl.Float64, "flag": pl.Boolean, "why": pl.Utf8}
    return pl.DataFrame(rows, schema=schema).sort(["flag", "attempts"], descending=True)
