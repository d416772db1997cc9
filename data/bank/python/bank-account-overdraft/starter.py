class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance.

    Attributes: balance, amount, shortfall.
    Message: "cannot withdraw {amount}: balance is {balance}".
    """

    def __init__(self, balance, amount):
        raise NotImplementedError("write InsufficientFundsError.__init__")


class Account:
    """A bank account whose balance never goes below zero."""

    def __init__(self, owner, balance=0):
        raise NotImplementedError("write Account.__init__")

    def deposit(self, amount):
        """Add amount and return the new balance."""
        raise NotImplementedError

    def withdraw(self, amount):
        """Remove amount and return the new balance."""
        raise NotImplementedError

    def transfer(self, other, amount):
        """Move amount to other; return (self.balance, other.balance)."""
        raise NotImplementedError
