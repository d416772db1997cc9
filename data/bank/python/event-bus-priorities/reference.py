class Subscription:
    """One handler registered for one event; cancel() ends it."""

    def __init__(self, bus, event, handler, priority, once):
        self._bus = bus
        self.event = event
        self.handler = handler
        self.priority = priority
        self.once = once
        self.active = True

    def cancel(self):
        """End the subscription; return True if it was active, False otherwise."""
        if not self.active:
            return False
        self.active = False
        self._bus._remove(self)
        return True


class EventBus:
    """Calls the handlers subscribed to an event, highest priority first."""

    def __init__(self):
        self._subscriptions = {}  # event -> active subscriptions, in calling order

    def subscribe(self, event, handler, priority=0, once=False):
        """Register handler for event and return its Subscription."""
        if not callable(handler):
            raise TypeError(f"handler must be callable, not {type(handler).__name__}")
        subscription = Subscription(self, event, handler, priority, once)
        subscriptions = self._subscriptions.setdefault(event, [])
        subscriptions.append(subscription)
        subscriptions.sort(key=lambda s: -s.priority)  # stable: equal priorities keep their order
        return subscription

    def publish(self, event, *args, **kwargs):
        """Call every active handler of event; return their results in calling order."""
        results = []
        for subscription in list(self._subscriptions.get(event, [])):
            if not subscription.active:
                continue
            if subscription.once:
                subscription.cancel()
            results.append(subscription.handler(*args, **kwargs))
        return results

    def listener_count(self, event):
        """Return the number of active subscriptions to event."""
        return len(self._subscriptions.get(event, []))

    def _remove(self, subscription):
        self._subscriptions[subscription.event].remove(subscription)
