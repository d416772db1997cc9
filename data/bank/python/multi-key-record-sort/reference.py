def sort_records(records, fields):
    """Return records sorted by fields (most important first; '-field' = descending)."""
    result = list(records)
    for field in reversed(fields):
        descending = field.startswith("-")
        name = field[1:] if descending else field
        result.sort(key=lambda record: record[name], reverse=descending)
    return result
