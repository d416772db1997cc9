def mask_card(number: str) -> str:
    """Return number without spaces, with every digit but the last four replaced by '*'."""
    digits = number.replace(" ", "")
    return "*" * (len(digits) - 4) + digits[-4:]
