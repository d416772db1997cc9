import operator

from solution import Card

SYMBOLS = {operator.eq: "==", operator.ne: "!=", operator.lt: "<", operator.le: "<=",
           operator.gt: ">", operator.ge: ">="}


def compare(left, op, right, expected, why=""):
    """Check `left op right` for two cards given as (rank, suit)."""
    call = f"Card{left!r} {SYMBOLS[op]} Card{right!r}"
    try:
        got = op(Card(*left), Card(*right))
    except TypeError as exc:
        raise AssertionError(f"{call}: expected {expected!r}, got TypeError: {exc}") from None
    assert got is expected, f"{call}: expected {expected!r}{why}, got {got!r}"


def codes(cards):
    return [str(card) for card in cards]


def test_stores_rank_and_suit():
    queen = Card("Q", "hearts")
    got = (queen.rank, queen.suit)
    assert got == ("Q", "hearts"), f"Card('Q', 'hearts'): expected (rank, suit) ('Q', 'hearts'), got {got!r}"


def test_invalid_rank_or_suit_raises_value_error():
    for rank, suit in [("1", "hearts"), ("Q", "stars"), ("Q", "Hearts"), ("q", "hearts"), ("11", "clubs")]:
        try:
            card = Card(rank, suit)
        except ValueError:
            continue
        except (LookupError, TypeError, AttributeError) as exc:
            raise AssertionError(
                f"Card({rank!r}, {suit!r}): expected ValueError, got {type(exc).__name__}: {exc}"
            ) from None
        raise AssertionError(f"Card({rank!r}, {suit!r}): expected ValueError, but a card was created: {card!r}")


def test_str_and_repr():
    for rank, suit, expected in [("Q", "hearts", "QH"), ("10", "spades", "10S"), ("2", "clubs", "2C")]:
        got = str(Card(rank, suit))
        assert got == expected, f"str(Card({rank!r}, {suit!r})): expected {expected!r}, got {got!r}"
    got = repr(Card("Q", "hearts"))
    assert got == "Card('Q', 'hearts')", f"repr(Card('Q', 'hearts')): expected \"Card('Q', 'hearts')\", got {got!r}"


def test_from_code():
    for code, rank, suit in [("QH", "Q", "hearts"), ("10S", "10", "spades"), ("2C", "2", "clubs"),
                             ("AD", "A", "diamonds"), ("10s", "10", "spades"), ("kd", "K", "diamonds")]:
        try:
            card = Card.from_code(code)
        except (ValueError, LookupError, TypeError) as exc:
            raise AssertionError(
                f"Card.from_code({code!r}): expected Card({rank!r}, {suit!r}), got {type(exc).__name__}: {exc}"
            ) from None
        assert isinstance(card, Card), f"Card.from_code({code!r}): expected a Card, got {card!r}"
        got = (card.rank, card.suit)
        assert got == (rank, suit), f"Card.from_code({code!r}): expected (rank, suit) {(rank, suit)!r}, got {got!r}"


def test_from_code_rejects_bad_codes():
    for code in ["", "1H", "QX", "QHH", "H", "10"]:
        try:
            card = Card.from_code(code)
        except ValueError:
            continue
        except (LookupError, TypeError, AttributeError) as exc:
            raise AssertionError(
                f"Card.from_code({code!r}): expected ValueError, got {type(exc).__name__}: {exc}"
            ) from None
        raise AssertionError(f"Card.from_code({code!r}): expected ValueError, but a card was created: {card!r}")


def test_equality():
    compare(("Q", "hearts"), operator.eq, ("Q", "hearts"), True, " (same rank and suit)")
    compare(("Q", "hearts"), operator.eq, ("Q", "spades"), False, " (different suits)")
    compare(("Q", "hearts"), operator.ne, ("K", "hearts"), True, " (different ranks)")
    compare(("7", "clubs"), operator.ne, ("7", "clubs"), False, " (equal cards)")


def test_less_than_compares_rank_then_suit():
    compare(("9", "spades"), operator.lt, ("10", "clubs"), True, " (9 is lower than 10, whatever the suits)")
    compare(("A", "clubs"), operator.lt, ("K", "spades"), False, " (an ace is higher than a king)")
    compare(("K", "clubs"), operator.lt, ("K", "diamonds"), True, " (same rank: clubs come before diamonds)")
    compare(("5", "hearts"), operator.lt, ("5", "hearts"), False, " (a card is not less than an equal card)")


def test_other_comparisons():
    low, high = ("3", "diamonds"), ("J", "clubs")
    compare(high, operator.gt, low, True)
    compare(low, operator.gt, high, False)
    compare(low, operator.le, high, True)
    compare(high, operator.le, low, False)
    compare(high, operator.ge, low, True)
    compare(low, operator.ge, high, False)
    compare(low, operator.le, low, True, " (equal cards)")
    compare(low, operator.ge, low, True, " (equal cards)")


def test_sorting_a_hand():
    hand = [Card("A", "diamonds"), Card("2", "clubs"), Card("K", "spades"), Card("A", "clubs")]
    got = codes(sorted(hand))
    expected = ["2C", "KS", "AC", "AD"]
    assert got == expected, f"sorted(the cards AD, 2C, KS, AC): expected {expected!r}, got {got!r}"
    got = str(max(hand))
    assert got == "AD", f"max(the cards AD, 2C, KS, AC): expected 'AD', got {got!r}"


def test_full_deck_sorts_in_rank_then_suit_order():
    deck = [Card(rank, suit) for suit in reversed(Card.SUITS) for rank in reversed(Card.RANKS)]
    got = codes(sorted(deck))
    expected = [rank + suit[0].upper() for rank in Card.RANKS for suit in Card.SUITS]
    wrong = next((i for i, (g, e) in enumerate(zip(got, expected)) if g != e), None)
    assert wrong is None and len(got) == len(expected), (
        f"sorted(a full deck): expected {expected[:8]!r}... up to 'AS', got {got!r}" if wrong is None else
        f"sorted(a full deck): expected {expected[wrong]!r} at position {wrong}, got {got[wrong]!r}; "
        f"expected {expected[max(wrong - 2, 0):wrong + 3]!r} there, got {got[max(wrong - 2, 0):wrong + 3]!r}"
    )
