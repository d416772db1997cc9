def interleave(*iterables, stop_at_shortest=False):
    """Yield one item from each iterable in turn (round-robin)."""
    done = object()
    iterators = [iter(iterable) for iterable in iterables]
    if stop_at_shortest:
        while iterators:
            current_round = []
            for iterator in iterators:
                item = next(iterator, done)
                if item is done:
                    return
                current_round.append(item)
            yield from current_round
    else:
        while iterators:
            alive = []
            for iterator in iterators:
                item = next(iterator, done)
                if item is not done:
                    yield item
                    alive.append(iterator)
            iterators = alive
