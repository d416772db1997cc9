"""Practice: today's set, the instructions, the editor, tests, hints, submit and skip."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import LevelChange, SolutionRefused, TodaysSet
from engine.markdown_text import authored
from ui import aria, page_script, pending_clicks, results, start_again
from ui.code_box import code_box, open_keeping_code
from ui.generate import mark, new_exercise
from ui.instructions import KEY as INSTRUCTIONS
from ui.instructions import show as show_instructions
from ui.open_exercise import SELECTBOX_KEY, kept, open_exercise, remember
from ui.session import acting, require_user, workbench
from ui.tutor_panel import tutor_panel

FINISHED = ("passed", "skipped")
SCROLL_UP = "practice_scroll_up"  # set when the page should show the exercise from its top
SCROLL_UP_COUNT = "practice_scroll_ups"  # how many times it did: each script differs, so each one runs
STATUS = {
    "todo": ":blue[:material/radio_button_unchecked: to do]",
    "tried": ":orange[:material/replay: tried, not passed yet]",
    "passed": ":green[:material/check_circle: passed]",
    "skipped": ":gray[:material/skip_next: skipped]",
}

wb = workbench()
user = require_user()
catalogue = {e.id: e for e in wb.exercises()}


@acting
def request(kind: str, exercise_id: str, from_editor_mode: bool = False) -> None:
    """A callback of Run tests and Submit ("run" or "submit"): the click is carried out by the page's body,
    in whichever run of the page gets there (ui/pending_clicks). The code editor's text, sent 250 ms after
    the last key, stops the run of a click made just before it, and a button's click lives only in the
    run it started: the click was lost. Carried out by the later run, it uses the code the editor holds
    then; ``from_editor_mode``: a click beside the code editor may have to wait for that text
    (pending_clicks.settle)."""
    pending_clicks.put(kind, exercise_id, settle=from_editor_mode)


def next_to_do(today: TodaysSet, after: str | None = None) -> str | None:
    """The first exercise of today's set not yet passed or skipped; the first after ``after``, if given."""
    items = today.items
    ids = [item.pick.exercise.id for item in items]
    if after in ids:
        position = ids.index(after) + 1
        items = items[position:] + items[:position]
    return next((item.pick.exercise.id for item in items if item.status not in FINISHED), None)


@acting
def skip(user_id: int, exercise_id: str) -> None:
    """Put the exercise aside for today (it counts as skipped in today's set) and open the next one to do.

    The next one is opened first: a click arriving meanwhile stops a callback at its next use of
    st.session_state, which must not come after the skip is recorded."""
    if pending_clicks.pending() == ("submit", exercise_id):
        # skipped before its result, a submission that passed read as skipped, and its result was never shown
        st.toast("Your submission is being graded: see its result first, then skip if you still want to.",
                 icon=":material/hourglass_top:")
        return
    today = wb.todays_set(user_id)
    following = next_to_do(today, after=exercise_id)
    if following and following != exercise_id:
        move_on(following)
    if any(item.pick.exercise.id == exercise_id and item.status == "passed" for item in today.items):
        if not following:  # solved already: nothing to put aside, and nothing else to open
            st.toast("Solved today already: nothing to put aside. Choose any exercise, or ask for one more.",
                     icon=":material/check:")
        return
    wb.skip(user_id, exercise_id)
    if not following or following == exercise_id:  # nothing else to open: say what the click did
        st.toast("Put aside for today. That was the last of today's set: choose any exercise, or ask for one more.",
                 icon=":material/skip_next:")


@acting
def move_on(exercise_id: str) -> None:
    """Open an exercise and show it from its top: the page keeps its place, so after Next or Skip (at the
    bottom of the page) the new exercise's title and editor were above the screen, and after Open in today's
    set on a phone, a screen and a half below it. The code typed in the exercise left just before the click
    stays its code and draft (ui.code_box.open_keeping_code, last: its draft's write is slow)."""
    st.session_state[SCROLL_UP] = st.session_state.get(SCROLL_UP_COUNT, 0) + 1
    aria.focus_after_run(f"{aria.keyed(INSTRUCTIONS)} h2")  # the button clicked goes, or is disabled: on to the title
    open_keeping_code(wb, user.id, exercise_id)


@acting
def show_hint(exercise_id: str, number: int) -> None:
    """A callback: it acts as the click arrives. Read from the button in the page's body, a click was lost
    when the code editor's text, sent just after it, stopped its run before it reached the button. The last
    hint's button goes away: the focus goes to that hint, read out (it fell to the top of the page).
    ``number``: the hint the button offered, each with a button of its own. A double click's second click,
    arriving after the first had shown it, showed the next one as well, and two hints make a pass a struggle."""
    given = wb.draft(user.id, exercise_id)
    shown = given.hints_shown if given else 0
    if shown >= number:
        return
    if shown + 1 >= len(catalogue[exercise_id].hints):
        aria.focus_after_run(aria.keyed(hint_key(shown)))
    else:  # each hint's button is one of its own: the focus goes on to the next one's
        aria.focus_after_run(f"{aria.keyed(hint_button_key(number + 1))} button")
    wb.reveal_hint(user.id, exercise_id, st.session_state["codes"][exercise_id])


def hint_key(index: int) -> str:
    return f"hint:{index}"


def hint_button_key(number: int) -> str:
    return f"show_hint:{number}"


@acting
def more(user_id: int) -> None:
    """Add one exercise to today's set, and open it if the open one is done."""
    before = len(wb.todays_set(user_id).items)
    today = wb.more_exercises(user_id)
    if len(today.items) == before:
        if wb.locked_skills(user_id):  # a new learner runs out of the first skills long before the bank
            st.toast("Nothing more fits today: you have seen every exercise open to you now, and the others unlock "
                     "as you pass earlier skills. Choose any exercise below.", icon=":material/info:")
        else:
            st.toast("Nothing more fits today: you have seen every exercise available. Choose any exercise below.",
                     icon=":material/info:")
        return
    added = today.items[-1].pick.exercise
    status = {item.pick.exercise.id: item.status for item in today.items}
    if status.get(st.session_state.get(SELECTBOX_KEY)) in FINISHED:  # the open one is done: open the new one
        move_on(added.id)  # as Next does: the code typed in the one left stays, and the new one shows from its top
    else:  # the open one stays open: say where the new one went
        st.toast(f"Added to today's set: {added.title}. Open it there when you are ready.", icon=":material/add:")


def level_message(change: LevelChange) -> str:
    if change.up:
        return f"Level up: you are now level {change.new_level} ({change.reason})."
    return f"Level {change.new_level} now ({change.reason}): the next exercises are a little easier."


def show_todays_set(today: TodaysSet, current: str) -> None:
    if not today.items:
        st.write("You have passed everything available right now. Pick any exercise below to practise again.")
        return
    total = len(today.items)
    skipped = f", {today.skipped} skipped" if today.skipped else ""
    st.progress(today.done / total, text=f"Today's set: {today.solved} of {total} solved{skipped}")  # the bar: gone through
    if today.complete and today.skipped == total:
        st.info("You skipped every exercise of today's set. Open one to try it after all, or ask for more "
                "exercises.", icon=":material/skip_next:")
    elif today.complete and today.skipped:
        st.success(f"Today's set is through: {today.solved} solved, {today.skipped} skipped. Open a skipped one "
                   "to try it after all, or ask for more exercises.", icon=":material/check:")
    elif today.complete:
        st.success("Today's set is done: well done! Ask for more exercises if you want to go on.",
                   icon=":material/celebration:")
    for number, item in enumerate(today.items, 1):
        exercise = item.pick.exercise
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(f"**{number}. {exercise.title}** · level {exercise.difficulty} · {STATUS[item.status]}  \n"
                      f":gray[{item.pick.reason}]")
        right.button("Open", key=f"open:{exercise.id}", disabled=exercise.id == current,
                     on_click=move_on, args=(exercise.id,))
    # a screen reader lists the buttons by their names: "Open", "Open", "Open" said nothing of which
    aria.name_buttons({f"open:{item.pick.exercise.id}": f"Open {number}. {item.pick.exercise.title}"
                       for number, item in enumerate(today.items, 1)})
    low, high = (round(x * 100) for x in (wb.settings.target_band_low, wb.settings.target_band_high))
    st.caption(f"Aimed at a {low}–{high}% chance of passing over the day, as far as the exercises open to you allow: "
               "a warm-up may sit above it, a stretch below it, and reviews come back when they are due.")
    st.button("One more exercise", key="more", icon=":material/add:", on_click=more, args=(user.id,),
              help="Add one more exercise, chosen for you, to today's set.")


if st.session_state.get(SELECTBOX_KEY) not in catalogue:
    # back from another page, the one open before; on a reload (a new session), the one its address names
    wanted = next((e for e in (kept(), st.query_params.get("exercise")) if e in catalogue), None)
    if wanted is None:
        planned = wb.todays_set(user.id)
        wanted = next_to_do(planned) or (planned.items[0].pick.exercise.id if planned.items else next(iter(catalogue)))
    open_exercise(wanted)

st.title("Practice")
# filled last: it shows this run's submit
todays = st.expander("Today's set", expanded=True, icon=":material/today:", key="todays_set")
new_exercise(wb, user, catalogue.get(st.session_state[SELECTBOX_KEY]))  # before the selectbox: it may open a new one

chosen = st.selectbox(
    "Or choose any exercise", list(catalogue), key=SELECTBOX_KEY,
    format_func=lambda i: (f"{catalogue[i].title} · {', '.join(wb.skill_name(s) for s in catalogue[i].skills)}"
                           f" · level {catalogue[i].difficulty}{mark(catalogue[i])}"),
)
exercise = catalogue[chosen]
remember(chosen)
st.query_params["exercise"] = chosen

codes = st.session_state.setdefault("codes", {})
versions = st.session_state.setdefault("editor_versions", {})
draft = wb.work_on(user.id, exercise.id)  # every run of the page is the learner doing something here
if exercise.id not in codes:
    codes[exercise.id] = draft.code if draft else exercise.starter
version = versions.get(exercise.id, 0)
hints_shown = draft.hints_shown if draft else 0

# side by side where each side has room for code, one under the other where it has not (a small
# laptop with the sidebar open left the editor 240 px wide, wrapping every line)
exercise_grid = st.grid(2, min_column_width=360, gap="large")
instructions, work = exercise_grid.cell(), exercise_grid.cell()

with instructions:
    show_instructions(exercise.instructions)  # the examples' long lines wrap: their results stay in view
    st.caption(f"Skills: {', '.join(wb.skill_name(s) for s in exercise.skills)} · level {exercise.difficulty} of 10")
    st.subheader("Hints", divider="gray")
    # filled once the tutor beside the exercise has answered, so that a hint it gave shows without another
    # run of the page: a rerun asked for then would take the place of a click on another page made meanwhile
    hints_area = st.container()

with work:
    plain = code_box(wb, user, exercise, version)

    with st.container(horizontal=True):  # buttons as wide as their labels, wrapping when the column is narrow
        st.button("Run tests", icon=":material/play_arrow:", on_click=request, args=("run", exercise.id, not plain))
        st.button("Submit", type="primary", icon=":material/check:", on_click=request,
                  args=("submit", exercise.id, not plain))
        st.button("Skip", key="skip", icon=":material/skip_next:", on_click=skip, args=(user.id, exercise.id),
                  help="Put this exercise aside for today and go to the next one.")
        st.button("Reset", key=start_again.RESET, icon=":material/restart_alt:", on_click=start_again.ask,
                  args=(exercise.id,), help="Start again from the starter code (you will be asked first).")

    requested = pending_clicks.pending()
    if requested is not None and requested[1] != exercise.id:  # asked on an exercise closed since
        if requested[0] == "submit":
            # recorded or being recorded: shown when the learner comes back to it, as after a visit to another page
            if (outcome := pending_clicks.done()) is not None:
                results.arrived(requested[1], "submit", outcome)
                pending_clicks.clear(requested[1])
        else:
            pending_clicks.clear(requested[1])
        requested = None
    if requested is not None:
        pending_clicks.settle(codes[exercise.id])  # the code typed just before the click may be on its way
        start_again.cancel()  # on with this code: the question about replacing it is moot
    start_again.confirm(wb, user, exercise, codes[exercise.id])
    if requested == ("run", exercise.id):
        ticket = results.start(exercise.id)
        try:
            with st.spinner("Running the tests…"):
                # kept before the spinner closes: a click meanwhile stops this run at its next Streamlit call;
                # the editor's text arriving after the click (the same code) then shows this result, not a new one
                code = codes[exercise.id]
                result = pending_clicks.done(code) or wb.run_tests(user.id, exercise.id, code)
                pending_clicks.keep(exercise.id, code, result)
                results.keep(exercise.id, ticket, "run", result)
        except Exception:  # a failure is shown once, not tried again by every later run (a stop is no Exception)
            pending_clicks.clear(exercise.id)
            raise
        pending_clicks.clear(exercise.id)  # done, after the result is kept: a run stopped before does it again
    if requested == ("submit", exercise.id):
        duration = draft.time_on_task(wb.clock())
        ticket = results.start(exercise.id)
        attempt = None
        with st.spinner("Grading your submission…"):
            # recorded once: a run that stopped after recording it (the learner left the page meanwhile) left its
            # result to this one, which shows it on the learner's return
            if (outcome := pending_clicks.done()) is None:
                try:
                    attempt = wb.submit(user.id, exercise.id, codes[exercise.id], hints_used=hints_shown,
                                        duration_s=duration)
                except SolutionRefused:
                    pass  # empty or too large: not run, not an attempt; the latest result says why
                except Exception:
                    pending_clicks.clear(exercise.id)
                    raise
                outcome = wb.latest_result(user.id, exercise.id)
                pending_clicks.keep(exercise.id, codes[exercise.id], outcome)  # before any Streamlit call: a run may stop
            results.keep(exercise.id, ticket, "submit", outcome)
        pending_clicks.clear(exercise.id)
        if attempt is not None and attempt.passed:
            st.toast(f"Solved: {exercise.title}", icon=":material/celebration:")
        if attempt is not None and attempt.level_change is not None:
            st.toast(level_message(attempt.level_change),
                     icon=":material/trending_up:" if attempt.level_change.up else ":material/trending_down:")
    if latest := results.latest(exercise.id):
        kind, result = latest
        results.show(result, submitted=kind == "submit")
        following = next_to_do(wb.todays_set(user.id), after=exercise.id) if kind == "submit" and result.passed else None
        if following:  # on to the next, without scrolling back up to today's set
            st.button(f"Next: {catalogue[following].title}", key="next", type="primary", icon=":material/arrow_forward:",
                      on_click=move_on, args=(following,))
        elif kind == "submit" and result.passed and (today := wb.todays_set(user.id)).complete and \
                any(item.pick.exercise.id == exercise.id for item in today.items):  # here, not only at the top
            st.success("That was the last of today's set: well done!", icon=":material/celebration:")
            st.button("One more exercise", key="more:after-result", icon=":material/add:", on_click=more, args=(user.id,),
                      help="Add one more exercise, chosen for you, to today's set.")

    tutor_panel(wb, user, exercise)

if scroll := st.session_state.pop(SCROLL_UP, 0):
    # numbered: the same script as the last one, in the same place, is the same element to the browser, which
    # does not run it again (Skip right after Next left the page scrolled down)
    st.session_state[SCROLL_UP_COUNT] = scroll
    # only when the exercise's top is off the screen's upper half: Open in today's set, on a wide screen, leaves
    # the set in view
    page_script.run(f"/* {scroll} */ (() => {{ const start = document.querySelector('{aria.keyed(SELECTBOX_KEY)}'); "
                    "const at = start?.getBoundingClientRect().top; "
                    "if (at !== undefined && (at < 0 || at > window.innerHeight / 2)) start.scrollIntoView({block: 'start'}) "
                    "})()")

with hints_area:
    given = wb.draft(user.id, exercise.id)
    shown = given.hints_shown if given else 0
    for index, hint in enumerate(exercise.hints[:shown]):
        with st.container(key=hint_key(index)):
            st.info(authored(hint), icon=":material/lightbulb:")  # as written: a hint's __init__ is no bold "init"
    if shown < len(exercise.hints):
        st.button(f"Show a hint ({shown + 1} of {len(exercise.hints)})", icon=":material/lightbulb:",
                  key=hint_button_key(shown + 1), on_click=show_hint, args=(exercise.id, shown + 1))
    else:
        st.caption("That was the last hint. The tutor can help you think it through.")

with todays:
    show_todays_set(wb.todays_set(user.id), exercise.id)

aria.move_focus()

if st.session_state.pop("just_onboarded", False):  # last: balloons take a place in the page (see app.py)
    st.balloons()
    st.toast("Your profile is saved. Here is today's set, chosen for you.", icon=":material/waving_hand:")
