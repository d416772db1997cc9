"""Passwords too easy to guess, refused at registration and on a change of password.

Length alone let "password123" and "12345678" through. Following NIST SP 800-63B, a new password
is checked against what guessers try first rather than against rules of composition: the most
common passwords of the public breach lists (those of 8 characters or more, the others being too
short anyway), such a word or the site's name with digits or symbols added, one character repeated,
a run of the keyboard or the alphabet, and the account's own username, email or name.
"""

from __future__ import annotations

import re
import string

# the words at the root of the most common passwords of 8 characters or more ("password1", "qwerty123",
# "iloveyou!"): refused alone and with digits or symbols before or after them
COMMON_ROOTS = frozenset("""
    password passw0rd p@ssword p@ssw0rd passwort motdepasse contraseña contrasena parola haslo
    qwerty qwertyui qwertyuiop qwertz azerty asdf asdfgh asdfghjk asdfghjkl zxcvbn zxcvbnm
    qwer qazwsx qazwsxedc 1qaz2wsx zaq12wsx 1q2w3e4r 1q2w3e4r5t q1w2e3r4 q1w2e3r4t5 1qazxsw2 qweasd 123qwe
    qweasdzxc abc abcd abcde abcdef abcd1234 abc123 aa aaa
    iloveyou iloveu loveyou lovely loveme trustno1 letmein welcome hello hellothere whatever
    admin administrator root toor login logmein changeme secret master default guest user test
    tester testing welcome1 sunshine princess football baseball basketball soccer hockey
    superman batman spiderman starwars pokemon dragon monkey shadow michael jordan jennifer
    michelle charlie thomas jessica ashley daniel andrew joshua matthew robert
    computer internet chocolate butterfly liverpool arsenal chelsea manchester
    freedom cookie summer winter blessed angel flower purple orange banana
    mustang harley ferrari corvette mercedes samsung google facebook linkedin
    workbench learner educator student teacher school python coding programmer
""".split())

_AROUND = string.digits + string.punctuation + " "
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", string.ascii_lowercase)


def guessable(password: str, *personal: str) -> bool:
    """Whether ``password`` is among the first things a guesser tries, for an account whose own
    username, email and name are ``personal``."""
    lowered = password.lower()
    root = lowered.strip(_AROUND)
    if not root or lowered in COMMON_ROOTS or root in COMMON_ROOTS or len(set(lowered)) <= 2:
        return True  # only digits and symbols ("12345678!"), a common root ("1q2w3e4r", "password1"), "abababab"
    if _a_run(lowered) or _repeated(lowered):
        return True
    return any(root == own or lowered.replace(" ", "") == own for own in _own_words(personal))


def _own_words(personal: tuple[str, ...]) -> set[str]:
    """What of an account a guesser knows: its username, email and name whole, the email's local part,
    and each word of the name or the username of 4 letters or more ("lovelace" of "Ada Lovelace")."""
    words = set()
    for text in (p.lower() for p in personal if p):
        words |= {re.sub(r"\s+", "", text), text.partition("@")[0]}
        words |= {w for w in re.split(r"[^a-z0-9]+", text.partition("@")[0]) if len(w) >= 4}
    return {w.strip(_AROUND) for w in words} - {""}


def _repeated(lowered: str) -> bool:
    """Whether the password is a short or guessable piece said again ("abcabcabc", "qwertyqwerty")."""
    for size in range(1, len(lowered) // 2 + 1):
        piece = lowered[:size]
        if len(lowered) % size == 0 and piece * (len(lowered) // size) == lowered:
            return size <= 4 or piece.strip(_AROUND) in COMMON_ROOTS or _a_run(piece)
    return False


def _a_run(lowered: str) -> bool:
    """Whether the password is a run along a keyboard row or the alphabet, forwards or backwards
    ("12345678", "87654321", "abcdefgh", "asdfghjk")."""
    return any(lowered in row or lowered in row[::-1] for row in _ROWS)
