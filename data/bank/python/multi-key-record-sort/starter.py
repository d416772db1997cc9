def sort_records(records, fields):
    """Return records sorted by fields (most important first; '-field' = descending)."""
    return None
