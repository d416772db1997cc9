from functools import total_ordering


@total_ordering
class Card:
    """A playing card: comparable, sortable, printable, and buildable from a code like 'QH'."""

    RANKS = ("2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A")
    SUITS = ("clubs", "diamonds", "hearts", "spades")

    def __init__(self, rank, suit):
        if rank not in self.RANKS:
            raise ValueError(f"unknown rank {rank!r}")
        if suit not in self.SUITS:
            raise ValueError(f"unknown suit {suit!r}")
        self.rank = rank
        self.suit = suit

    @classmethod
    def from_code(cls, code):
        """Build a card from a short code such as 'QH' or '10s'."""
        code = code.upper()
        rank, letter = code[:-1], code[-1:]
        for suit in cls.SUITS:
            if letter and suit[0].upper() == letter:
                return cls(rank, suit)
        raise ValueError(f"not a card code: {code!r}")

    def _key(self):
        return (self.RANKS.index(self.rank), self.SUITS.index(self.suit))

    def __str__(self):
        return f"{self.rank}{self.suit[0].upper()}"

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())
