from solution import Card


def codes(cards):
    return [str(card) for card in cards]


def test_stores_rank_and_suit():
    queen = Card("Q", "hearts")
    got = (queen.rank, queen.suit)
    assert got == ("Q", "hearts"), f"expected ('Q', 'hearts'), got {got!r}"


def test_invalid_rank_or_suit_raises_value_error():
    for rank, suit in [("1", "hearts"), ("Q", "stars"), ("Q", "Hearts"), ("q", "hearts"), ("11", "clubs")]:
        try:
            Card(rank, suit)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for Card({rank!r}, {suit!r})")


def test_str_and_repr():
    got = str(Card("Q", "hearts"))
    assert got == "QH", f"expected 'QH', got {got!r}"
    got = str(Card("10", "spades"))
    assert got == "10S", f"expected '10S', got {got!r}"
    got = repr(Card("Q", "hearts"))
    assert got == "Card('Q', 'hearts')", f"expected \"Card('Q', 'hearts')\", got {got!r}"


def test_from_code():
    for code, rank, suit in [("QH", "Q", "hearts"), ("10S", "10", "spades"), ("2C", "2", "clubs"),
                             ("AD", "A", "diamonds"), ("10s", "10", "spades"), ("kd", "K", "diamonds")]:
        card = Card.from_code(code)
        assert isinstance(card, Card), f"from_code({code!r}) should return a Card"
        got = (card.rank, card.suit)
        assert got == (rank, suit), f"from_code({code!r}): expected {(rank, suit)!r}, got {got!r}"


def test_from_code_rejects_bad_codes():
    for code in ["", "1H", "QX", "QHH", "H", "10"]:
        try:
            Card.from_code(code)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for the code {code!r}")


def test_equality():
    got = Card("Q", "hearts") == Card.from_code("qh")
    assert got is True, f"the same rank and suit are equal, got {got!r}"
    got = Card("Q", "hearts") == Card("Q", "spades")
    assert got is False, f"different suits are not equal, got {got!r}"
    got = Card("Q", "hearts") != Card("K", "hearts")
    assert got is True, f"different ranks: != should be True, got {got!r}"
    got = Card("7", "clubs") != Card("7", "clubs")
    assert got is False, f"equal cards: != should be False, got {got!r}"


def test_less_than_compares_rank_then_suit():
    got = Card("9", "spades") < Card("10", "clubs")
    assert got is True, f"9 is lower than 10 whatever the suits, got {got!r}"
    got = Card("A", "clubs") < Card("K", "spades")
    assert got is False, f"an ace is higher than a king, got {got!r}"
    got = Card("K", "clubs") < Card("K", "diamonds")
    assert got is True, f"same rank: clubs come before diamonds, got {got!r}"
    got = Card("5", "hearts") < Card("5", "hearts")
    assert got is False, f"a card is not less than an equal card, got {got!r}"


def test_other_comparisons():
    low, high = Card("3", "diamonds"), Card("J", "clubs")
    got = [high > low, low > high, low <= high, high <= low, high >= low, low >= high]
    assert got == [True, False, True, False, True, False], (
        f"expected [True, False, True, False, True, False] for >, >, <=, <=, >=, >=, got {got!r}"
    )
    same = Card("3", "diamonds")
    got = [low <= same, low >= same]
    assert got == [True, True], f"equal cards are both <= and >= each other, got {got!r}"


def test_sorting_a_hand():
    hand = [Card.from_code(c) for c in ["AD", "2C", "KS", "AC"]]
    got = codes(sorted(hand))
    assert got == ["2C", "KS", "AC", "AD"], f"expected ['2C', 'KS', 'AC', 'AD'], got {got!r}"
    got = str(max(hand))
    assert got == "AD", f"expected 'AD', got {got!r}"


def test_full_deck_sorts_in_rank_then_suit_order():
    deck = [Card(rank, suit) for suit in reversed(Card.SUITS) for rank in reversed(Card.RANKS)]
    got = codes(sorted(deck))
    expected = [rank + suit[0].upper() for rank in Card.RANKS for suit in Card.SUITS]
    assert got == expected, f"expected {expected!r}, got {got!r}"
