def run_job(job, heat_up, cool_down):
    """Call heat_up(), run job(), and always call cool_down() afterwards.

    Return ("done", result), or ("rejected", message) if the job raised ValueError;
    any other exception propagates after cooling down.
    """
    raise NotImplementedError("write run_job")
