"""The analytics queries by subject: ``learner`` (the Progress page) and ``cohort`` (educators)."""
