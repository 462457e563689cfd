"""The guided enquiry, pure: its six steps, which plan parts each holds, each step's state and the next step."""

from dataclasses import dataclass

NOT_STARTED, STARTED, DONE = "Not started", "In progress", "Done"


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    sections: tuple[str, ...]  # plan sections shown in the step (challenge questions join the first)
    hint: str


STEPS = (
    Step(
        "challenge",
        "Challenge questions and our hunch",
        ("hunch",),
        "Use the theme's challenge questions (or your team's shared goal) to say what you noticed.",
    ),
    Step(
        "change",
        "The change and who benefits",
        ("change", "beneficiaries", "identifying"),
        "Choose one small change to practice and say who it is for.",
    ),
    Step(
        "question",
        "From a hunch to an enquiry question",
        ("question", "success"),
        "Turn the hunch into a question and an aim: what, for whom, by how much, by when.",
    ),
    Step(
        "measures",
        "Measures and the data collection plan",
        ("methods", "timeline"),
        "Decide how you will know: numbers to chart and what you will observe.",
    ),
    Step(
        "cycles",
        "Cycles of change",
        ("challenges",),
        "Test the change in small cycles: predict, do, study the data, then adopt, adapt or abandon.",
    ),
    Step(
        "findings",
        "Findings",
        ("prediction", "result", "learning"),
        "What happened against your prediction, what you learned, and what next.",
    ),
)
# What must be in place for a step to be done (beyond its written sections, which count towards "In progress").
REQUIRED = {
    "challenge": ("hunch",),
    "change": ("change", "beneficiaries"),
    "question": ("question", "aim"),
    "measures": ("methods", "measure"),
    "cycles": ("cycle decided",),
    "findings": ("result", "learning"),
}


@dataclass(frozen=True)
class StepState:
    number: int
    step: Step
    state: str


def states(have: set[str]) -> list[StepState]:
    """Each step's state from what the enquiry has: written section keys and the markers "aim", "drivers",
    "measure", "cycle", "cycle decided" and "challenge answered"."""
    started_by = {
        "challenge": {"hunch", "challenge answered"},
        "question": {"question", "success", "aim", "drivers"},
        "measures": {"methods", "timeline", "measure"},
        "cycles": {"challenges", "cycle"},
    }
    out = []
    for i, step in enumerate(STEPS, start=1):
        if all(need in have for need in REQUIRED[step.key]):
            state = DONE
        elif have & (set(step.sections) | started_by.get(step.key, set())):
            state = STARTED
        else:
            state = NOT_STARTED
        out.append(StepState(i, step, state))
    return out


def suggested(step_states: list[StepState]) -> StepState | None:
    """The next step to work on: the first one not done (None when all are)."""
    return next((s for s in step_states if s.state != DONE), None)
