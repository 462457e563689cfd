"""The one rule for aggregates: no figure about fewer than MIN_GROUP people is ever shown."""

MIN_GROUP = 5


def shown(count: int) -> bool:
    return count >= MIN_GROUP


def suppress(value, count: int):
    """`value` when it describes at least MIN_GROUP people, otherwise None (templates say 'fewer than 5')."""
    return value if shown(count) else None
