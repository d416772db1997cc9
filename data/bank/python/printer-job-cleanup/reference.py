def run_job(job, heat_up, cool_down):
    """Call heat_up(), run job(), and always call cool_down() afterwards.

    Return ("done", result), or ("rejected", message) if the job raised ValueError;
    any other exception propagates after cooling down.
    """
    heat_up()
    try:
        result = job()
    except ValueError as problem:
        return ("rejected", str(problem))
    finally:
        cool_down()
    return ("done", result)
