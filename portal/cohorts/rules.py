"""Pure calculations for cohorts: the design rules, confidence change, facilitator fit (no DB, no Flask)."""

import math
from dataclasses import dataclass

from portal.core.privacy import shown

MIN_ESTABLISHMENTS = 40
MIN_SECTORS = 2
MAX_PARTICIPANTS = 100
LA_MIN, LA_MAX = 3, 10
ESTABLISHMENTS_PER_FACILITATOR = 10

# The partnership's usual interest areas: a new cohort's list starts from these and the lead officer edits it.
SUGGESTED_INTERESTS = (
    "Literacy",
    "Numeracy",
    "Health and wellbeing",
    "Play pedagogy",
    "Outdoor learning",
    "Family engagement",
    "Transitions",
    "The poverty-related attainment gap",
    "Digital learning",
    "STEM",
    "Inclusion and ASN",
    "Leadership of learning",
)


@dataclass(frozen=True)
class DesignCheck:
    key: str
    label: str
    ok: bool
    detail: str
    soft: bool  # the admin may proceed past a failing soft rule, giving a reason


def facilitators_needed(establishments: int) -> int:
    """One key facilitator per ten establishments nominated, rounded up."""
    return math.ceil(establishments / ESTABLISHMENTS_PER_FACILITATOR)


def check_design(
    *,
    per_authority: dict[str, int],
    facilitators_per_authority: dict[str, int],
    sectors: set[str],
    participants: int,
    teams: int = 8,
) -> list[DesignCheck]:
    """The cohort's design rules as they stand; `per_authority` names every LA (0 if none nominated)."""
    total = sum(per_authority.values())
    outside = [f"{la} has {n or 'none'}" for la, n in sorted(per_authority.items()) if not LA_MIN <= n <= LA_MAX]
    short = [
        f"{la} names {facilitators_per_authority.get(la, 0)} of {facilitators_needed(n)}"
        for la, n in sorted(per_authority.items())
        if facilitators_per_authority.get(la, 0) < facilitators_needed(n)
    ]
    facilitators = sum(facilitators_per_authority.values())
    return [
        DesignCheck(
            "establishments",
            f"At least {MIN_ESTABLISHMENTS} establishments",
            total >= MIN_ESTABLISHMENTS,
            f"{total} nominated",
            soft=True,
        ),
        DesignCheck(
            "sectors",
            f"At least {MIN_SECTORS} sectors",
            len(sectors) >= MIN_SECTORS,
            ", ".join(sorted(sectors)) or "no sectors yet",
            soft=False,
        ),
        DesignCheck(
            "participants",
            f"At most {MAX_PARTICIPANTS} participants",
            participants <= MAX_PARTICIPANTS,
            f"{participants} people named",
            soft=False,
        ),
        DesignCheck(
            "authorities",
            f"Each LA nominates {LA_MIN} to {LA_MAX} establishments",
            not outside,
            "; ".join(outside) or "every LA is within the range",
            soft=True,
        ),
        DesignCheck(
            "facilitators",
            f"Enough key facilitators for {teams} teams (one per 10 establishments per LA)",
            facilitators >= teams and not short,
            f"{facilitators} named for {teams} teams" + (f"; {'; '.join(short)}" if short else ""),
            soft=True,
        ),
    ]


def blocking(checks: list[DesignCheck]) -> list[DesignCheck]:
    return [c for c in checks if not c.ok and not c.soft]


def waivable(checks: list[DesignCheck]) -> list[DesignCheck]:
    return [c for c in checks if not c.ok and c.soft]


# Confidence in enquiry skills: the same items at the start and the end, 1 (not confident) to 5 (very).
CONFIDENCE_ITEMS = (
    ("question", "Turning a hunch into a clear enquiry question"),
    ("data_plan", "Planning how to collect quantitative and qualitative data"),
    ("analyse", "Analysing data to decide what to do and to show impact"),
    ("observe", "Observing practice directly, for example through lesson study"),
    ("share", "Sharing findings with colleagues beyond my establishment"),
)
SCALE = {
    1: "Not confident",
    2: "A little confident",
    3: "Fairly confident",
    4: "Confident",
    5: "Very confident",
}
CHANGE_BANDS = (("lower", "Lower"), ("same", "No change"), ("up1", "Up 1 point"), ("up2", "Up 2 or more"))


def band(change: int) -> str:
    return "lower" if change < 0 else "same" if change == 0 else "up1" if change == 1 else "up2"


def personal_change(start: dict | None, end: dict | None) -> list[dict]:
    """One person's start, end and change per item (None where a phase is missing)."""
    rows = []
    for key, label in CONFIDENCE_ITEMS:
        before = start.get(key) if start else None
        after = end.get(key) if end else None
        rows.append(
            {
                "key": key,
                "label": label,
                "start": before,
                "end": after,
                "change": after - before if before is not None and after is not None else None,
            }
        )
    return rows


def change_distribution(pairs: list[tuple[dict, dict]]) -> dict:
    """Per item, how many people's confidence went down, stayed, rose: no figure about fewer than 5 people."""
    items = []
    for key, label in CONFIDENCE_ITEMS:
        changes = [end[key] - start[key] for start, end in pairs if key in start and key in end]
        counts = {b: 0 for b, _ in CHANGE_BANDS}
        for change in changes:
            counts[band(change)] += 1
        enough = shown(len(changes))
        items.append(
            {
                "key": key,
                "label": label,
                "people": len(changes) if enough else None,
                "mean": round(sum(changes) / len(changes), 1) if enough else None,
                "bands": [(text, counts[b] if enough and shown(counts[b]) else None) for b, text in CHANGE_BANDS],
            }
        )
    return {"paired": len(pairs), "shown": shown(len(pairs)), "items": items}


def assign_facilitators(teams: list[dict], facilitators: list[dict]) -> dict[int, int]:
    """Best fit, one facilitator per team: shared interests first, their own LA in the team next.

    teams: [{"index", "interests": [labels], "authorities": {names}}]; facilitators: [{"id", "interests",
    "authority"}]. Greedy over the best remaining (fit, facilitator, team) pairs: small and explainable.
    """

    def fit(team, person):
        shared = len({i.lower() for i in team["interests"]} & {i.lower() for i in person["interests"]})
        return shared * 2 + (1 if person["authority"] in team["authorities"] else 0)

    pairs = sorted(
        ((fit(t, f), -f["id"], -t["index"], t["index"], f["id"]) for t in teams for f in facilitators),
        reverse=True,
    )
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, team_index, person_id in pairs:
        if team_index not in chosen and person_id not in used:
            chosen[team_index] = person_id
            used.add(person_id)
    return chosen


QUESTION_CHECKLIST = (
    ("learners", "It names the learners it is about (who benefits)."),
    ("change", "It names one small change to practice."),
    ("measurable", "We can tell whether it made a difference, with data we can collect."),
    ("doable", "It can be answered within the cohort's year."),
    ("shared", "Everyone in the team can work on it in their own setting."),
)
