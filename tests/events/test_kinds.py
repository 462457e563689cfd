"""An event's kind shown by its label: a domain's registered label first, then the general kinds, never a code;
a policy registered again replaces its kinds."""

from portal.events import policies
from portal.events.forms import KINDS, all_kinds, kind_label


def test_kinds_are_shown_by_their_labels_and_a_policy_registered_again_replaces_its_own(app):
    saved = dict(policies._REGISTRY)
    try:
        policies.register("test_context", policies.ContextPolicy(label="Test", kinds={"test_day": "Test day"}))
        assert kind_label("test_day") == "Test day" and all_kinds()["test_day"] == "Test day"
        assert kind_label("webinar") == KINDS["webinar"] and kind_label("no_such_kind") == "Event"
        policies.register("test_context", policies.ContextPolicy(label="Test", kinds={"test_evening": "Evening"}))
        assert kind_label("test_day") == "Event" and kind_label("test_evening") == "Evening"
        assert "test_day" not in policies.registered_kinds()
    finally:
        policies._REGISTRY.clear()
        policies._REGISTRY.update(saved)
        policies.register(*next(iter(saved.items())))  # the gathered labels again, from the real policies
    assert "test_evening" not in all_kinds()
