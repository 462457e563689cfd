"""Pure: what changed in a plan between two snapshots (the plan as agreed, and the plan reopened)."""

from portal.leadership.modules import action_label

GOAL_PARTS = (("what", "what"), ("actions", "actions"), ("success", "how you will know"), ("due_on", "by when"))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(before: dict, after: dict) -> list[str]:
    """Each change in words: modules added or removed, goals added, removed or reworded, priorities reworded."""
    said = []
    old_modules, new_modules = set(before.get("modules", [])), set(after.get("modules", []))
    said += [f"Added {action_label(k)}" for k in sorted(new_modules - old_modules)]
    said += [f"Removed {action_label(k)}" for k in sorted(old_modules - new_modules)]
    old_goals = {g["id"]: g for g in before.get("goals", [])}
    new_goals = {g["id"]: g for g in after.get("goals", [])}
    for gid, goal in new_goals.items():
        if gid not in old_goals:
            said.append(f"New goal: {_short(goal['what'])}")
            continue
        parts = [label for key, label in GOAL_PARTS if old_goals[gid].get(key) != goal.get(key)]
        if parts:
            said.append(f"Goal changed ({', '.join(parts)}): {_short(goal['what'])}")
    said += [f"Goal removed: {_short(g['what'])}" for gid, g in old_goals.items() if gid not in new_goals]
    old_priorities = {p["id"]: p for p in before.get("priorities", [])}
    for p in after.get("priorities", []):
        old = old_priorities.get(p["id"])
        if old and (old["title"], old["notes"]) != (p["title"], p["notes"]):
            said.append(f"Priority reworded: {_short(p['title'])}")
    return said
