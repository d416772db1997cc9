class Subscription:
    """One handler registered for one event; cancel() ends it."""

    def cancel(self):
        """End the subscription; return True if it was active, False otherwise."""
        raise NotImplementedError("write cancel")


class EventBus:
    """Calls the handlers subscribed to an event, highest priority first."""

    def __init__(self):
        pass

    def subscribe(self, event, handler, priority=0, once=False):
        """Register handler for event and return its Subscription."""
        raise NotImplementedError("write subscribe")

    def publish(self, event, *args, **kwargs):
        """Call every active handler of event; return their results in calling order."""
        raise NotImplementedError("write publish")

    def listener_count(self, event):
        """Return the number of active subscriptions to event."""
        raise NotImplementedError("write listener_count")
