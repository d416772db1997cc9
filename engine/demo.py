"""Demo data: a realistic synthetic cohort, made by driving the real engine, and its removal.

``load_demo(wb)`` registers a demo educator with a cohort and demo learners (all marked
``is_demo``), has each learner answer the onboarding interview, then lives through the last
``days`` days: on the days a learner practises (a two-state chain of being in the habit or
lapsed, so streaks and gaps both happen; some start late, some drop out) they log in, take
today's set from the planner, skip now and then, reveal hints when stuck, and their results are
recorded with the time they happened. Hidden abilities and learning rates differ, so pass rates,
levels and hint use differ too. Everything goes through the same calls as the app
(``record_result``, ``reveal_hint``, ``skip``, ``answer_onboarding``, ``join_cohort`` ...), inside
``wb.batch()`` one day at a time, so the volume is written in bulk.

``remove_demo_data(wb)`` deletes every demo user and everything kept about them
(``engine.removal``).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from engine.accounts import User
from engine.events import Event
from engine.level import LOGITS_PER_LEVEL, expected_seconds
from engine.memory import MemoryStore
from engine.profile import GOALS, SELF_LEVELS, STYLES
from engine.removal import remove_users

if TYPE_CHECKING:
    from engine.workbench import Workbench

PASSWORD = "demo-password"  # shown on the welcome page: demo accounts hold nothing worth guarding
EDUCATOR = "demo-educator"
LEARNER_PREFIX = "demo-learner-"
COHORT_NAME = "Demo cohort"
MARGIN = timedelta(hours=2)  # no exercise starts later than this before now, so none ends in the future
NAMES = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Dennis",
         "Radia", "Ken", "Hedy", "Tim", "Katherine", "Guido", "Shafi", "Linus", "Sophie", "Niklaus")
SURNAMES = ("Byron", "Kay", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Ritchie",
            "Perlman", "Thompson", "Lamarr", "Berners-Lee", "Johnson", "Rossum", "Goldwasser", "Torvalds",
            "Wilson", "Wirth")

Progress = Callable[[int, int], None]


class DemoError(ValueError):
    """Demo data cannot be loaded as asked; the message says why."""


@dataclass(frozen=True)
class DemoData:
    """What ``load_demo`` made, and how to log in to it."""

    educator: User
    learners: list[User]
    sample_learner: User  # the demo learner with the most practice: the best one to look around as
    cohort_id: int
    join_code: str
    days: int
    results: int
    events: int
    seconds: float
    password: str = PASSWORD


@dataclass
class _Learner:
    """A demo learner's hidden traits and what has happened to them so far."""

    user: User
    ability: float  # the true ability (logits), which the engine has to discover
    gain: float  # how fast practice makes them better
    stay: float  # chance of practising tomorrow after practising today
    come_back: float  # chance of practising tomorrow after a day off
    start: int  # the day they register
    stop: int  # the day they give up (``days`` if they do not)
    hinty: float  # how readily they reveal a hint when stuck
    skippy: float
    slip: float  # careless mistakes, whatever the exercise
    steer: str | None  # "harder" for those who want a challenge, "easier" for the cautious
    hour: float
    per_day: int  # exercises a practising day
    practising: bool = True
    results: int = 0
    seed_levels: dict[str, str] = field(default_factory=dict)


def interview_answers(rng: random.Random, groups: dict[str, str], ability: float = 0.0) -> dict[str, dict[str, Any]]:
    """Valid, varied answers to the five steps of the onboarding interview (for demo and
    benchmark learners): self-assessed levels follow ``ability`` (logits), roughly."""
    levels = list(SELF_LEVELS)
    rated = {g: levels[max(0, min(len(levels) - 1, round(1.2 + ability + rng.gauss(0, 0.7))))] for g in groups}
    goals = rng.sample(list(GOALS), rng.randint(1, 2))
    return {
        "languages": {"languages": ["python"]},
        "levels": {"levels": rated},
        "goals": {"goals": goals, "goal_note": rng.choice(["", "Practise a little every day.", "Get a job in data."])},
        "style": {"style": rng.choice(list(STYLES))},
        "time": {"minutes_per_day": rng.choice([10, 15, 20, 30, 30, 45, 60])},
    }


def load_demo(wb: Workbench, *, learners: int = 20, days: int = 30, seed: int = 7, progress: Progress | None = None,
              batched: bool = True) -> DemoData:
    """Make the demo cohort: ``learners`` demo learners over the last ``days`` days (ending now),
    and a demo educator owning their cohort. ``DemoError`` if demo data is already there.
    ``batched=False`` writes row by row, as single app actions do (for comparison only)."""
    if not 1 <= learners <= 1000:
        raise DemoError("Demo learners must be from 1 to 1000.")
    if not 1 <= days <= 366:
        raise DemoError("Demo days must be from 1 to 366.")
    if wb.accounts.by_username(EDUCATOR) is not None:
        raise DemoError("Demo data is already loaded. Remove it first (python -m engine demo --remove).")
    started = time.perf_counter()
    rng = random.Random(seed)
    end = wb.clock()
    # the last day is today, so current streaks show; nothing happens after now
    first = (end - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    now = [first]
    # the same engine on the same store, on a clock that walks through the demo's days; demo
    # accounts share a published password, so a slow hash would protect nothing
    sim = type(wb)(replace(wb.settings, bcrypt_rounds=4), store=wb.store, sandbox=wb.sandbox, bank=wb.bank,
                   curriculum=wb.curriculum, clock=lambda: now[0])
    # what the tutor remembers (goals, hints) goes to the workbench's one memory, stamped on the demo's clock
    shared = wb.memory
    sim.use_memory(MemoryStore(wb.store, shared.client, shared.embedder, clock=sim.clock))
    events_before = int(wb.store.scalar("SELECT count(*) FROM events") or 0)
    results = 0
    total = learners + days
    scope = sim.batch if batched else nullcontext

    made: list[int] = []  # the accounts made so far
    with _all_or_nothing(wb, made) if batched else nullcontext():
        with scope():
            educator = sim.accounts.register(EDUCATOR, "educator@demo.example.org", "Dana Demo", PASSWORD,
                                             "educator", is_demo=True, at=first)
            cohort = sim.create_cohort(educator.id, COHORT_NAME)
            people = [_make_learner(sim, rng, i, days, first) for i in range(learners)]
            made += [educator.id, *(p.user.id for p in people)]
        for i, person in enumerate(people, 1):
            with scope():
                now[0] = first + timedelta(days=person.start, hours=person.hour - 0.5)
                for step, answers in interview_answers(rng, sim.skill_groups(), person.ability).items():
                    sim.answer_onboarding(person.user.id, step, answers)
                sim.join_cohort(person.user.id, cohort.join_code)
                if person.steer:  # the Profile page's Easier / Harder
                    for _ in range(rng.randint(1, 2)):
                        sim.steer_level(person.user.id, person.steer)
            if progress:
                progress(i, total)
        for day in range(days):
            with scope():
                for person in people:
                    results += _live_day(sim, rng, person, day, first, end, now)
            if progress:
                progress(learners + day + 1, total)
        with scope():
            sim.events.append(Event(None, "loaded-demo", None, {"learners": learners, "days": days, "results": results},
                                    {"seed": seed}, end))
    sample = max(people, key=lambda p: p.results).user
    return DemoData(educator=educator, learners=[p.user for p in people], sample_learner=sample,
                    cohort_id=cohort.id, join_code=cohort.display_code, days=days, results=results,
                    events=int(wb.store.scalar("SELECT count(*) FROM events") or 0) - events_before,
                    seconds=round(time.perf_counter() - started, 2))


@contextmanager
def _all_or_nothing(wb: Workbench, made: list[int]) -> Iterator[None]:
    """One transaction for the whole load: a load stopped part-way (the page's run stopped as its tab closed)
    left a few days of a few learners, which the welcome page called loaded. Now it leaves nothing and can be
    run again; the memories' vectors, outside the store, go too (of the accounts ``made``), so that no account
    made later with one of their ids would find them."""
    try:
        with wb.store.transaction():
            yield
    except BaseException:
        if made and wb.memory is not None:
            wb.memory.drop_vectors(made)
        raise


def _make_learner(sim: Workbench, rng: random.Random, i: int, days: int, first: datetime) -> _Learner:
    name = f"{NAMES[i % len(NAMES)]} {SURNAMES[(i * 7 + i // len(NAMES)) % len(SURNAMES)]}"
    start = 0 if rng.random() < 0.7 else rng.randint(1, max(1, days // 2))
    stop = days if rng.random() < 0.75 else min(days, start + rng.randint(3, max(4, days // 2)))
    hour = min(22.0, max(6.0, rng.choice([7.5, 12.5, 18.0, 21.0]) + rng.gauss(0, 1)))
    user = sim.accounts.register(f"{LEARNER_PREFIX}{i + 1:02d}", f"learner{i + 1}@demo.example.org", name, PASSWORD,
                                 is_demo=True, at=first + timedelta(days=start, hours=hour - 0.5))
    return _Learner(user=user, ability=rng.gauss(0, 1.1), gain=rng.lognormvariate(math.log(0.6), 0.5),
                    stay=rng.betavariate(8, 2.5), come_back=rng.betavariate(2, 4), start=start, stop=stop,
                    hinty=rng.betavariate(2, 3), skippy=rng.betavariate(1, 12), hour=hour,
                    per_day=rng.choice([1, 2, 2, 3, 3, 4]), slip=rng.betavariate(1, 4),
                    steer=rng.choice([None, None, None, "harder", "harder", "easier"]))


def _live_day(sim: Workbench, rng: random.Random, person: _Learner, day: int, first: datetime, end: datetime,
              now: list[datetime]) -> int:
    """One day of one learner: maybe nothing, maybe a session of practice (cut short at ``end``).
    Returns the results recorded."""
    if not person.start <= day < person.stop:
        return 0
    if day > person.start:
        person.practising = rng.random() < (person.stay if person.practising else person.come_back)
    if not person.practising:
        return 0
    uid = person.user.id
    now[0] = first + timedelta(days=day, hours=person.hour + rng.gauss(0, 0.4))
    if now[0] >= end - MARGIN:
        return 0  # their usual time has not come yet today
    sim.events.append(Event(uid, "logged-in", occurred_at=now[0]))
    recorded = 0
    for exercise in sim.next_exercises(uid, person.per_day + rng.choice([-1, 0, 0, 1])):
        if now[0] >= end - MARGIN:
            break
        if rng.random() < person.skippy:
            sim.skip(uid, exercise.id)
            now[0] += timedelta(seconds=20)
            continue
        ability = person.ability + person.gain * math.sqrt(person.results / 20)  # learning by practice
        gap = ability - (exercise.difficulty - 5.5) * LOGITS_PER_LEVEL
        hints = 0
        for _ in exercise.hints:  # stuck learners reveal hints, one at a time
            if rng.random() < person.hinty / (1 + math.exp(gap + 0.5 * hints)):
                now[0] += timedelta(seconds=rng.uniform(30, 240))
                sim.reveal_hint(uid, exercise.id, "")
                hints += 1
        for attempt in range(2):  # a failure is often tried again straight away
            chance = (1 - person.slip) / (1 + math.exp(-(gap - 0.3 + 0.35 * hints + 0.5 * attempt)))
            passed = rng.random() < chance
            seconds = round(expected_seconds(exercise.difficulty) * rng.lognormvariate(0, 0.4)
                            * math.exp(-0.2 * gap) / (2 if attempt else 1), 1)
            now[0] += timedelta(seconds=seconds)
            sim.record_result(uid, exercise.id, passed, hints_used=hints, duration_s=seconds, at=now[0])
            person.results += 1
            recorded += 1
            if passed or rng.random() < 0.5:
                break
        now[0] += timedelta(seconds=rng.uniform(20, 300))
    return recorded


def remove_demo_data(wb: Workbench) -> dict[str, int]:
    """Delete every demo user and all their rows; returns rows deleted per table (non-zero only)."""
    return remove_users(wb, "is_demo")
