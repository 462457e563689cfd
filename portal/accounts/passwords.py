"""Password strength with zxcvbn (a maintained estimator): a pure check that says why a password is weak."""

from zxcvbn import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn's 0-4: 3 is "safely unguessable: moderate protection from offline slow-hash attacks"
# Words anyone would try first against this portal.
PORTAL_WORDS = (
    "west",
    "partnership",
    "westpartnership",
    "portal",
    "collaborative",
    "learning",
    "glasgow",
    "scotland",
    "school",
    "teacher",
)


def weakness(password: str, *, personal: tuple[str, ...] = ()) -> str | None:
    """Why `password` is too easy to guess, or None when it is strong enough (personal: name, e-mail ...)."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    inputs = [*PORTAL_WORDS, *(part for value in personal for part in value.lower().replace("@", " ").split())]
    result = zxcvbn(password[:100], user_inputs=inputs)  # zxcvbn slows on very long input; 100 is plenty
    if result["score"] >= MIN_SCORE:
        return None
    feedback = result["feedback"]
    reason = feedback.get("warning") or "This password would be easy to guess."
    advice = " ".join(feedback.get("suggestions") or []) or "Add another word or two. Uncommon words are better."
    return f"{reason} {advice}"
