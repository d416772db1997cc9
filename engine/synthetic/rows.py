"""The synthetic events as table rows: the numbers ``activity`` draws, rendered a chunk at a time,
as it is written, into the verbs, objects, JSON text and columns the app writes (``engine.events``)."""

from __future__ import annotations

import json

import polars as pl

from engine.bank import Bank
from engine.synthetic.activity import CODE, INTENTS, STEPS, VERBS


def rendered(chunk: pl.DataFrame, bank: Bank, offset: int) -> pl.DataFrame:
    """A chunk of numeric events as table rows: the JSON the app writes, as text."""
    exercises = sorted(bank, key=lambda e: e.id)
    ids = pl.Series([e.id for e in exercises])
    contexts = pl.Series([json.dumps({"skills": list(e.skills), "difficulty": e.difficulty}) for e in exercises])
    verb, c = pl.col("verb"), pl.col

    def text(name: str) -> pl.Expr:
        return c(name).cast(pl.Utf8)

    status = pl.when(c("success")).then(pl.lit("pass")).otherwise(pl.lit("fail"))
    summary = [pl.lit('"status": "'), pl.when(verb == CODE["ran-tests"]).then(
        pl.when(c("tp") == c("tt")).then(pl.lit("pass")).otherwise(pl.lit("fail"))).otherwise(status),
        pl.lit('", "tests_passed": '), text("tp"), pl.lit(', "tests_total": '), text("tt"),
        pl.lit(', "duration_ms": '), text("ms"), pl.lit("}")]
    submission = pl.concat_str([pl.lit('{"success": '), pl.when(c("success")).then(pl.lit("true")).otherwise(pl.lit("false")),
                                pl.lit(', "hints": '), text("hints"), pl.lit(', "duration_s": '), text("dur"),
                                pl.lit(", "), *summary])
    on_exercise = verb.is_in([CODE[v] for v in ("submitted", "completed", "failed")])
    result = (pl.when(on_exercise).then(submission)
              .when(verb == CODE["ran-tests"]).then(pl.concat_str([pl.lit("{"), *summary]))
              .when(verb == CODE["requested-hint"]).then(pl.concat_str([pl.lit('{"hint": '), text("hint"), pl.lit("}")]))
              .when(verb == CODE["asked-tutor"]).then(pl.concat_str([pl.lit('{"message_chars": '), text("n2"), pl.lit("}")]))
              .when(verb == CODE["tutor-replied"]).then(_reply(c("n2"), c("n1"), c("intent"), c("hint"), c("tokens_in")))
              .when(verb == CODE["answered-onboarding"]).then(
                  pl.when(c("step") == len(STEPS) - 1).then(pl.lit('{"completed": true}'))
                  .otherwise(pl.lit('{"completed": false}'))))
    context = (pl.when(on_exercise).then(c("ex").replace_strict(range(len(exercises)), contexts, default=None))
               .when(verb == CODE["registered"]).then(pl.lit('{"role": "learner"}'))
               .when(verb.is_in([CODE["asked-tutor"], CODE["tutor-replied"]])).then(pl.lit('{"conversation_id": null}')))
    obj = (pl.when(verb == CODE["answered-onboarding"]).then(c("step").replace_strict(range(len(STEPS)), list(STEPS),
                                                                                      default=None))
           .otherwise(c("ex").replace_strict(range(len(exercises)), ids, default=None)))
    return chunk.select(
        pl.int_range(offset + 1, offset + 1 + chunk.height, dtype=pl.Int64).alias("id"),
        pl.from_epoch(c("at"), time_unit="s").alias("occurred_at"),
        c("user").cast(pl.Int32).alias("user_id"),
        verb.replace_strict(range(len(VERBS)), list(VERBS), return_dtype=pl.Utf8).alias("verb"),
        obj.alias("object"), result.alias("result"), context.alias("context"),
        pl.when(on_exercise).then(c("hints")).cast(pl.Int32).alias("hints"),
        pl.when(on_exercise).then(c("dur")).cast(pl.Float64).alias("duration_s"))


def _reply(message_chars: pl.Expr, reply_chars: pl.Expr, intent: pl.Expr, hint: pl.Expr, tokens_in: pl.Expr) -> pl.Expr:
    """A "tutor-replied" result as the tutor logs it (``Tutor._finish``): the question's size, its intent, the hint
    shown (none: 0 here), the path, a model's tokens (none: ``tokens_in`` 0, the offline tutor), the reply's size."""
    tokens_out = reply_chars // 4
    by_model = tokens_in > 0
    return pl.concat_str([
        pl.lit('{"message_chars": '), message_chars.cast(pl.Utf8),
        pl.lit(', "intent": "'), intent.replace_strict(range(len(INTENTS)), list(INTENTS), return_dtype=pl.Utf8),
        pl.lit('"'), pl.when(hint > 0).then(pl.concat_str([pl.lit(', "hint": '), hint.cast(pl.Utf8)])).otherwise(pl.lit("")),
        pl.lit(', "path": "'), pl.when(by_model).then(pl.lit("llm")).otherwise(pl.lit("offline")), pl.lit('"'),
        pl.when(by_model).then(pl.concat_str([
            pl.lit(', "tokens": '), (tokens_in + tokens_out).cast(pl.Utf8), pl.lit(', "tokens_in": '),
            tokens_in.cast(pl.Utf8), pl.lit(', "tokens_out": '), tokens_out.cast(pl.Utf8)])).otherwise(pl.lit("")),
        pl.lit(', "reply_chars": '), reply_chars.cast(pl.Utf8), pl.lit("}")])
