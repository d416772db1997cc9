"""What the queries count, by the log's verbs, as SQL lists: one definition of each.

A submission writes "submitted" and then "completed" or "failed" with the same result: the second
is the try (``TRIES``), "completed" its pass. Being active is practising (``PRACTICE``), not logging
in, registering or joining a cohort, nor "viewed": the Practice page opens an exercise by itself, so a
login alone viewed one, and a learner inactive for a month left the educator's "at risk" by logging in.
"""

from __future__ import annotations

PRACTICE_VERBS = ("ran-tests", "submitted", "completed", "failed", "requested-hint", "skipped", "asked-tutor")
TRY_VERBS = ("completed", "failed")


def sql_list(verbs: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{verb}'" for verb in verbs) + ")"


PRACTICE = sql_list(PRACTICE_VERBS)  # e.verb IN {PRACTICE}
TRIES = sql_list(TRY_VERBS)  # e.verb IN {TRIES}
