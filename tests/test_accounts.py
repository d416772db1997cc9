"""Accounts: registration, bcrypt passwords, login throttling, logout and the cookie key."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import bcrypt
import pytest

from engine.accounts import AccountError, Accounts, LoginError, User, cookie_key
from engine.events import EventLog
from engine.store import Store

T0 = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
PASSWORD = "correct horse"
FREE = 3
BASE = 2.0


@pytest.fixture
def accounts(store: Store) -> Accounts:
    return Accounts(store, EventLog(store), bcrypt_rounds=4, free_failures=FREE, base_delay_s=BASE, max_delay_s=900.0)


@pytest.fixture
def ada(accounts: Accounts) -> User:
    return accounts.register("ada", "ada@example.org", "Ada Lovelace", PASSWORD)


def verbs(store: Store) -> list[str]:
    return [r[0] for r in store.all("SELECT verb FROM events ORDER BY id")]


# -- registration --------------------------------------------------------------------------------

GOOD = {"username": "ada", "email": "ada@example.org", "name": "Ada Lovelace", "password": PASSWORD, "role": "learner"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("username", "", "Usernames are 3 to 32 characters"),
        ("username", "ab", "Usernames are 3 to 32 characters"),
        ("username", "a" * 33, "Usernames are 3 to 32 characters"),
        ("username", "ada lovelace", "Usernames are 3 to 32 characters"),
        ("username", "_ada", "starting with a letter or digit"),
        ("username", "ada!", "Usernames are 3 to 32 characters"),
        ("username", "adä", "Usernames are 3 to 32 characters"),
        ("username", "a\nda", "Usernames are 3 to 32 characters"),
        ("email", "", "valid email address"),
        ("email", "ada", "valid email address"),
        ("email", "ada@example", "valid email address"),
        ("email", "@example.org", "valid email address"),
        ("email", "ada lovelace@example.org", "valid email address"),
        ("email", "a@b@example.org", "valid email address"),
        ("email", "a" * 250 + "@example.org", "valid email address"),
        ("name", "", "Please enter your name"),
        ("name", "   \t ", "Please enter your name"),
        ("name", "x" * 101, "up to 100 characters"),
        ("password", "", "at least 8 characters"),
        ("password", "seven77", "at least 8 characters"),
        ("password", "kx7-wq2z" * 9 + "x", "at most 72 bytes"),
        ("password", "é" * 37, "at most 72 bytes"),  # 37 characters, 74 bytes
        ("password", "password123", "among the first that guessers try"),
        ("password", "P@ssw0rd!", "among the first that guessers try"),
        ("password", "qwertyuiop", "among the first that guessers try"),
        ("password", "12345678", "among the first that guessers try"),
        ("password", "87654321", "among the first that guessers try"),
        ("password", "abcdefgh", "among the first that guessers try"),
        ("password", "zzzzzzzz", "among the first that guessers try"),
        ("password", "abababab", "among the first that guessers try"),
        ("password", "40917263", "among the first that guessers try"),
        ("password", "!!iloveyou!!", "among the first that guessers try"),
        ("password", "ada-2024", "among the first that guessers try"),
        ("password", "Ada Lovelace", "among the first that guessers try"),
        ("password", "adalovelace1", "among the first that guessers try"),
        ("password", "ada@example.org", "among the first that guessers try"),
        ("password", "1q2w3e4r", "among the first that guessers try"),
        ("password", "trustno1", "among the first that guessers try"),
        ("password", "qwer1234", "among the first that guessers try"),
        ("password", "qwertyqwerty", "among the first that guessers try"),
        ("password", "abcabcabc", "among the first that guessers try"),
        ("role", "admin", "Role must be one of learner, educator"),
        ("role", "", "Role must be one of"),
        ("role", "Learner", "Role must be one of"),
    ],
    ids=[
        "username-empty", "username-too-short", "username-too-long", "username-space", "username-leading-underscore",
        "username-punctuation", "username-non-ascii", "username-newline",
        "email-empty", "email-no-at", "email-no-dot", "email-no-local-part", "email-space", "email-two-ats",
        "email-too-long",
        "name-empty", "name-blank", "name-too-long",
        "password-empty", "password-too-short", "password-too-long", "password-too-many-bytes",
        "password-common-with-digits", "password-common-leet", "password-keyboard-row", "password-digit-run",
        "password-digit-run-backwards", "password-alphabet-run", "password-one-character", "password-two-characters",
        "password-digits-only", "password-common-in-symbols", "password-username-and-year", "password-own-name",
        "password-own-name-with-digit", "password-own-email", "password-common-starting-with-a-digit",
        "password-common-ending-with-a-digit", "password-keys-and-digits", "password-common-twice", "password-piece-thrice",
        "role-admin", "role-empty", "role-wrong-case",
    ],
)
def test_register_refuses_bad_input_with_a_clear_message(accounts: Accounts, store: Store, field: str,
                                                         value: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.register(**{**GOOD, field: value})
    assert accounts.count() == 0
    assert verbs(store) == []


def test_register_says_every_problem_at_once(accounts: Accounts) -> None:
    with pytest.raises(AccountError) as refused:
        accounts.register("ab", "ada", "", "short")
    message = str(refused.value)
    for part in ("Usernames are 3 to 32 characters", "valid email address", "Please enter your name",
                 "at least 8 characters"):
        assert part in message
    assert accounts.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("username", "  Ada.L-ove_1  ", ("username", "ada.l-ove_1")),
        ("username", "a" * 32, ("username", "a" * 32)),
        ("username", "123", ("username", "123")),
        ("name", "  Ada \t  Lovelace ", ("name", "Ada Lovelace")),
        ("name", "x" * 100, ("name", "x" * 100)),
        ("email", "  ada@example.org ", ("email", "ada@example.org")),
        ("password", "kx7-wq2z", ("role", "learner")),
        ("password", "kx7-wq2z" * 9, ("role", "learner")),
        ("role", "educator", ("role", "educator")),
    ],
    ids=["username-normalised", "username-32", "username-digits", "name-spaces-collapsed", "name-100",
         "email-trimmed", "password-8", "password-72-bytes", "role-educator"],
)
def test_register_accepts_and_normalises(accounts: Accounts, field: str, value: str, stored: tuple[str, str]) -> None:
    user = accounts.register(**{**GOOD, field: value})
    assert isinstance(user.id, int)
    assert getattr(user, stored[0]) == stored[1]
    assert accounts.get(user.id) == user


def test_register_logs_an_event(accounts: Accounts, store: Store, ada: User) -> None:
    assert store.all("SELECT user_id, verb FROM events") == [(ada.id, "registered")]


@pytest.mark.parametrize("again", ["ada", "ADA", " Ada "], ids=["same", "upper-case", "padded-mixed-case"])
def test_duplicate_username_is_refused_case_insensitively(accounts: Accounts, ada: User, again: str) -> None:
    with pytest.raises(AccountError, match="is taken"):
        accounts.register(again, "other@example.org", "Another Ada", "another password")
    assert accounts.count() == 1


def test_password_is_stored_as_a_bcrypt_hash(accounts: Accounts, store: Store, ada: User) -> None:
    stored = store.scalar("SELECT password_hash FROM users WHERE id = ?", [ada.id])
    assert PASSWORD not in stored
    assert stored.startswith("$2b$04$")  # bcrypt, at the cost we asked for
    assert bcrypt.checkpw(PASSWORD.encode(), stored.encode())
    assert not bcrypt.checkpw(b"wrong password", stored.encode())


def test_same_password_gets_different_salts(accounts: Accounts) -> None:
    a = accounts.register("ada", "a@example.org", "Ada", PASSWORD)
    b = accounts.register("bob", "b@example.org", "Bob", PASSWORD)
    assert accounts.password_hash(a.username) != accounts.password_hash(b.username)


# -- login ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["ada", "ADA", "  ada "], ids=["exact", "upper-case", "padded"])
def test_login_with_the_right_password(accounts: Accounts, store: Store, ada: User, username: str) -> None:
    assert accounts.login(username, PASSWORD, now=T0) == ada
    assert verbs(store)[-1] == "logged-in"


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("ada", "wrong password", "Wrong username or password."),
        ("ada", PASSWORD.upper(), "Wrong username or password."),
        ("ada", PASSWORD + " ", "Wrong username or password."),
        ("nobody", PASSWORD, "Wrong username or password."),
        ("ada", "", "Please enter your username and password."),
        ("", PASSWORD, "Please enter your username and password."),
    ],
    ids=["wrong-password", "wrong-case", "trailing-space", "unknown-user", "no-password", "no-username"],
)
def test_login_refused(accounts: Accounts, ada: User, username: str, password: str, message: str) -> None:
    with pytest.raises(LoginError) as caught:
        accounts.login(username, password, now=T0)
    assert str(caught.value) == message
    assert caught.value.retry_after_s == 0


def test_unknown_user_and_wrong_password_look_the_same(accounts: Accounts, ada: User) -> None:
    messages = []
    for username in ("ada", "nobody"):
        with pytest.raises(LoginError) as caught:
            accounts.login(username, "wrong password", now=T0)
        messages.append((str(caught.value), caught.value.retry_after_s))
    assert messages[0] == messages[1]


def test_failed_logins_are_logged(accounts: Accounts, store: Store, ada: User) -> None:
    for username in ("ada", "nobody"):
        with pytest.raises(LoginError):
            accounts.login(username, "wrong password", now=T0)
    rows = store.all("SELECT user_id, verb, occurred_at, context->>'username' FROM events WHERE verb = 'login-failed' "
                     "ORDER BY id")
    assert [(r[0], r[1]) for r in rows] == [(ada.id, "login-failed"), (None, "login-failed")]
    assert all(r[2] == T0.replace(tzinfo=None) for r in rows)
    assert [r[3] for r in rows] == ["ada", None], "a name that is no account's (a password typed there?) is not kept"


def test_parallel_guesses_are_throttled_as_sequential_ones(accounts: Accounts, store: Store, ada: User) -> None:
    import threading

    start, outcomes = threading.Barrier(12), []

    def guess(i: int) -> None:
        start.wait()
        try:
            accounts.login("ada", f"guess {i}", now=T0)
        except LoginError as exc:
            outcomes.append("checked" if str(exc).startswith("Wrong") else "refused")
        except Exception as exc:  # a collision of the failures' writes
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    checked = accounts.free_failures + 1  # the free ones, and the one that starts the wait
    assert sorted(outcomes) == ["checked"] * checked + ["refused"] * (12 - checked)
    assert store.scalar("SELECT failures FROM login_failures WHERE username = 'ada'") == checked
    from engine import accounts as module

    assert "ada" not in module._TURNS, "a username's turn is not kept once no one waits for it"


def fail(accounts: Accounts, at: datetime, password: str = "wrong password", username: str = "ada") -> LoginError:
    with pytest.raises(LoginError) as caught:
        accounts.login(username, password, now=at)
    return caught.value


def test_free_failures_are_not_throttled(accounts: Accounts, ada: User) -> None:
    for i in range(FREE):
        assert fail(accounts, T0 + timedelta(seconds=i)).retry_after_s == 0
    assert accounts.login("ada", PASSWORD, now=T0 + timedelta(seconds=FREE)) == ada


def test_throttling_doubles_the_wait(accounts: Accounts, ada: User) -> None:
    at = T0
    for _ in range(FREE):
        fail(accounts, at)
    waits = []
    for _ in range(5):
        error = fail(accounts, at)
        assert "Too many wrong passwords" in str(error)
        waits.append(error.retry_after_s)
        at += timedelta(seconds=error.retry_after_s + 0.5)  # wait out the lock, then fail again
    assert waits == [BASE * 2**i for i in range(5)]


@pytest.mark.parametrize("password", ["wrong password", PASSWORD], ids=["wrong-password", "right-password"])
def test_while_locked_every_password_is_refused(accounts: Accounts, ada: User, password: str) -> None:
    for _ in range(FREE + 1):
        fail(accounts, T0)
    for offset, left in [(0.0, BASE), (0.5, BASE - 0.5), (BASE - 0.25, 0.25)]:
        error = fail(accounts, T0 + timedelta(seconds=offset), password=password)
        assert error.retry_after_s == pytest.approx(left)
        assert str(error).startswith("Too many wrong passwords. Try again in")
    # refusals while locked do not count as further failures: the next lock is still the second one
    assert fail(accounts, T0 + timedelta(seconds=BASE + 1)).retry_after_s == BASE * 2


@pytest.mark.parametrize(
    ("waited", "message"),
    [
        (0.0, "Too many wrong passwords. Try again in 2 seconds."),
        (0.4, "Too many wrong passwords. Try again in 2 seconds."),
        (0.6, "Too many wrong passwords. Try again in 1 second."),
        (BASE - 0.25, "Too many wrong passwords. Try again in 1 second."),
    ],
    ids=["2-left", "1.6-left", "1.4-left", "0.25-left"],
)
def test_the_lock_is_told_in_the_same_words_with_the_right_plural(accounts: Accounts, ada: User, waited: float,
                                                                 message: str) -> None:
    """The failure that locks the account and a try while it is locked say the wait alike."""
    for _ in range(FREE):
        fail(accounts, T0)
    assert str(fail(accounts, T0)) == "Wrong username or password. Too many wrong passwords. Try again in 2 seconds."
    assert str(fail(accounts, T0 + timedelta(seconds=waited), password=PASSWORD)) == message


@pytest.mark.parametrize(
    ("delay", "said"),
    [(1.0, "1 second"), (60.0, "60 seconds"), (100.0, "2 minutes"), (900.0, "15 minutes")],
    ids=["one-second", "a-minute-in-seconds", "minutes", "the-cap"],
)
def test_long_waits_are_told_in_minutes(store: Store, delay: float, said: str) -> None:
    accounts = Accounts(store, EventLog(store), bcrypt_rounds=4, free_failures=0, base_delay_s=delay, max_delay_s=900.0)
    accounts.register("ada", "ada@example.org", "Ada", PASSWORD)
    assert str(fail(accounts, T0)) == f"Wrong username or password. Too many wrong passwords. Try again in {said}."
    assert str(fail(accounts, T0)) == f"Too many wrong passwords. Try again in {said}."


def test_login_works_after_the_lock_expires_and_resets_the_count(accounts: Accounts, ada: User) -> None:
    for _ in range(FREE + 3):
        fail(accounts, T0)  # the last few are refused while locked
    later = T0 + timedelta(seconds=BASE + 0.001)
    assert accounts.login("ada", PASSWORD, now=later) == ada
    # reset: a fresh set of free failures
    for _ in range(FREE):
        assert fail(accounts, later).retry_after_s == 0
    assert fail(accounts, later).retry_after_s == BASE


def test_the_wait_is_capped(store: Store) -> None:
    accounts = Accounts(store, EventLog(store), bcrypt_rounds=4, free_failures=0, base_delay_s=10, max_delay_s=25)
    accounts.register("ada", "ada@example.org", "Ada", PASSWORD)
    at, waits = T0, []
    for _ in range(4):
        waits.append(fail(accounts, at).retry_after_s)
        at += timedelta(seconds=waits[-1] + 1)
    assert waits == [10, 20, 25, 25]


def test_unknown_usernames_are_throttled_too(accounts: Accounts) -> None:
    for _ in range(FREE):
        assert fail(accounts, T0, username="nobody").retry_after_s == 0
    assert fail(accounts, T0, username="nobody").retry_after_s == BASE


def test_throttling_is_per_username(accounts: Accounts, ada: User) -> None:
    bob = accounts.register("bob", "bob@example.org", "Bob", PASSWORD)
    for _ in range(FREE + 1):
        fail(accounts, T0)
    assert accounts.login("bob", PASSWORD, now=T0) == bob


def test_throttling_works_with_times_in_other_zones(accounts: Accounts, ada: User) -> None:
    for _ in range(FREE + 1):
        fail(accounts, T0)
    paris = timezone(timedelta(hours=1))
    assert fail(accounts, (T0 + timedelta(seconds=1)).astimezone(paris), PASSWORD).retry_after_s == pytest.approx(1)
    assert accounts.login("ada", PASSWORD, now=(T0 + timedelta(seconds=BASE + 1)).astimezone(paris)) == ada


# -- logout ---------------------------------------------------------------------------------------


def test_session_valid_until_logout(accounts: Accounts, store: Store, ada: User) -> None:
    issued = T0
    assert accounts.session_valid("ada", issued)
    accounts.logout(ada.id, now=T0 + timedelta(minutes=5))
    assert not accounts.session_valid("ada", issued)
    assert not accounts.session_valid("ada", T0 + timedelta(minutes=5))
    assert accounts.session_valid("ada", T0 + timedelta(minutes=6))
    assert verbs(store)[-1] == "logged-out"


def test_logout_with_the_real_clock(accounts: Accounts, ada: User) -> None:
    issued = datetime.now(UTC)
    accounts.logout(ada.id)
    assert not accounts.session_valid("ada", issued)
    assert accounts.session_valid("ada", datetime.now(UTC) + timedelta(seconds=1))


def test_logout_compares_instants_not_wall_clocks(accounts: Accounts, ada: User) -> None:
    accounts.logout(ada.id, now=T0)
    tokyo = timezone(timedelta(hours=9))
    # 12:30 UTC is 21:30 in Tokyo: later than the logout, whatever the zone says
    assert accounts.session_valid("ada", (T0 + timedelta(minutes=30)).astimezone(tokyo))
    assert not accounts.session_valid("ada", (T0 - timedelta(minutes=30)).astimezone(tokyo))


def test_session_of_unknown_user_is_invalid(accounts: Accounts) -> None:
    assert not accounts.session_valid("nobody", T0)


def test_logout_of_one_user_leaves_others_logged_in(accounts: Accounts, ada: User) -> None:
    accounts.register("bob", "bob@example.org", "Bob", PASSWORD)
    accounts.logout(ada.id, now=T0 + timedelta(minutes=1))
    assert accounts.session_valid("bob", T0)


# -- changing the password ------------------------------------------------------------------------

NEW = "lantern orchard 7"


def test_a_changed_password_logs_in_and_the_old_one_no_longer_does(accounts: Accounts, store: Store, ada: User) -> None:
    accounts.change_password(ada.id, PASSWORD, NEW, now=T0)
    assert accounts.login("ada", NEW, now=T0 + timedelta(minutes=1)) == ada
    with pytest.raises(LoginError, match="Wrong username or password"):
        accounts.login("ada", PASSWORD, now=T0 + timedelta(minutes=2))
    assert "changed-password" in verbs(store)


def test_changing_the_password_ends_every_session_issued_before_it(accounts: Accounts, ada: User) -> None:
    accounts.change_password(ada.id, PASSWORD, NEW, now=T0 + timedelta(minutes=5))
    assert not accounts.session_valid("ada", T0)
    assert accounts.session_valid("ada", T0 + timedelta(minutes=6))


def test_a_wrong_current_password_changes_nothing_and_counts_toward_throttling(accounts: Accounts, ada: User) -> None:
    for attempt in range(FREE):
        with pytest.raises(LoginError, match="^That is not your current password.$"):
            accounts.change_password(ada.id, "not my password", NEW, now=T0 + timedelta(seconds=attempt))
    with pytest.raises(LoginError) as locked:
        accounts.change_password(ada.id, "still not it", NEW, now=T0 + timedelta(seconds=FREE))
    assert locked.value.retry_after_s == BASE
    assert "Try again in" in str(locked.value)
    # locked for logins too: the same guesses, another door
    with pytest.raises(LoginError, match="Too many wrong passwords"):
        accounts.login("ada", PASSWORD, now=T0 + timedelta(seconds=FREE + 1))
    assert accounts.login("ada", PASSWORD, now=T0 + timedelta(minutes=1)) == ada
    assert accounts.session_valid("ada", T0 - timedelta(days=1))  # nothing was changed: no session ended


@pytest.mark.parametrize(("new", "message"), [
    ("short", "at least 8 characters"),
    ("password1", "among the first that guessers try"),
    ("lovelace2", "among the first that guessers try"),
    (PASSWORD, "is the one you have now"),
], ids=["too-short", "common", "own-name", "unchanged"])
def test_a_new_password_that_will_not_do_is_refused(accounts: Accounts, ada: User, new: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.change_password(ada.id, PASSWORD, new, now=T0)
    assert accounts.login("ada", PASSWORD, now=T0) == ada
    assert accounts.session_valid("ada", T0 - timedelta(days=1))


def test_confirm_password_is_throttled_as_a_login_is(accounts: Accounts, ada: User) -> None:
    assert accounts.confirm_password(ada.id, PASSWORD, now=T0) == ada
    for attempt in range(FREE + 1):
        with pytest.raises(LoginError):
            accounts.confirm_password(ada.id, "guess", now=T0 + timedelta(seconds=attempt))
    with pytest.raises(LoginError, match="Too many wrong passwords"):
        accounts.confirm_password(ada.id, PASSWORD, now=T0 + timedelta(seconds=FREE + 1))


# -- the cookie key --------------------------------------------------------------------------------


def test_cookie_key_is_generated_once_into_the_home(tmp_path: Path) -> None:
    home = tmp_path / "home"  # does not exist yet
    key = cookie_key(None, home)
    assert len(key) >= 32
    path = home / "cookie_key"
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cookie_key(None, home) == key
    assert cookie_key("", home) == key


def test_cookie_keys_differ_between_homes(tmp_path: Path) -> None:
    assert cookie_key(None, tmp_path / "a") != cookie_key(None, tmp_path / "b")


def test_configured_cookie_key_wins(tmp_path: Path) -> None:
    generated = cookie_key(None, tmp_path)
    assert cookie_key("configured-secret", tmp_path) == "configured-secret"
    assert (tmp_path / "cookie_key").read_text().strip() == generated  # left alone


def test_configured_cookie_key_writes_nothing(tmp_path: Path) -> None:
    assert cookie_key("configured-secret", tmp_path / "home") == "configured-secret"
    assert not (tmp_path / "home" / "cookie_key").exists()


def test_an_empty_cookie_key_file_is_never_used_as_the_key(tmp_path: Path) -> None:
    """A crash between creating the file and writing the key leaves it empty: an empty signing
    secret must not be handed out (anyone could sign cookies)."""
    (tmp_path / "cookie_key").touch(mode=0o600)
    assert cookie_key(None, tmp_path) != ""
