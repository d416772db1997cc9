class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance."""

    def __init__(self, balance, amount):
        self.balance = balance
        self.amount = amount
        self.shortfall = amount - balance
        super().__init__(f"cannot withdraw {amount}: balance is {balance}")


def _check_positive(amount):
    if amount <= 0:
        raise ValueError(f"amount must be positive, got {amount}")


class Account:
    """A bank account whose balance never goes below zero."""

    def __init__(self, owner, balance=0):
        if balance < 0:
            raise ValueError("starting balance cannot be negative")
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        _check_positive(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        _check_positive(amount)
        if amount > self.balance:
            raise InsufficientFundsError(self.balance, amount)
        self.balance -= amount
        return self.balance

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
        return self.balance, other.balance
