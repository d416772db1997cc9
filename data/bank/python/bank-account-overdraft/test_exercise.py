from solution import Account, InsufficientFundsError


def test_new_account_attributes():
    acc = Account("Ana", 100)
    assert acc.owner == "Ana"
    assert acc.balance == 100
    assert Account("Bo").balance == 0, "the default balance should be 0"


def test_deposit_and_withdraw_return_new_balance():
    acc = Account("Ana", 100)
    assert acc.deposit(50) == 150
    assert acc.withdraw(30) == 120
    assert acc.withdraw(120) == 0, "withdrawing the whole balance is allowed"


def test_error_attributes_and_message():
    err = InsufficientFundsError(50, 80)
    assert (err.balance, err.amount, err.shortfall) == (50, 80, 30)
    assert str(err) == "cannot withdraw 80: balance is 50", f"expected 'cannot withdraw 80: balance is 50', got {str(err)!r}"


def test_overdraft_raises_and_keeps_balance():
    acc = Account("Ana", 120)
    try:
        acc.withdraw(500)
    except InsufficientFundsError as e:
        assert e.shortfall == 380, f"expected shortfall 380, got {e.shortfall!r}"
        assert str(e) == "cannot withdraw 500: balance is 120", f"expected 'cannot withdraw 500: balance is 120', got {str(e)!r}"
        assert acc.balance == 120, "a failed withdrawal must not change the balance"
        return
    raise AssertionError("expected InsufficientFundsError")


def test_non_positive_amounts_rejected():
    acc = Account("Ana", 100)
    for action in (acc.deposit, acc.withdraw):
        for amount in (0, -5):
            try:
                action(amount)
            except ValueError:
                continue
            raise AssertionError(f"expected ValueError for amount {amount}")
    assert acc.balance == 100


def test_negative_starting_balance_rejected():
    try:
        Account("Ana", -1)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative starting balance")


def test_transfer_moves_money():
    a, b = Account("Ana", 100), Account("Bo", 5)
    got = a.transfer(b, 20)
    assert got == (80, 25), f"expected (80, 25), got {got!r}"
    assert a.balance == 80 and b.balance == 25


def test_failed_transfer_changes_nothing():
    a, b = Account("Ana", 10), Account("Bo", 5)
    try:
        a.transfer(b, 11)
    except InsufficientFundsError:
        assert (a.balance, b.balance) == (10, 5), "both balances must be unchanged"
        return
    raise AssertionError("expected InsufficientFundsError")


def test_transfer_rejects_non_positive_amount():
    a, b = Account("Ana", 10), Account("Bo", 5)
    try:
        a.transfer(b, -3)
    except ValueError:
        assert (a.balance, b.balance) == (10, 5)
        return
    raise AssertionError("expected ValueError for a negative transfer")
