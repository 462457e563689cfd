"""The sections of an enquiry plan and its reflection, shaped by the themed networks' drop-in questions."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str = ""


PLAN_SECTIONS = (
    Section(
        "hunch",
        "Our hunch: what we noticed",
        "What you see in your classes or setting that you want to change, and why you think it matters.",
    ),
    Section(
        "change",
        "The change we hope to make and what it should improve",
        "One small change to practice, and the outcome for learners it should improve.",
    ),
    Section("beneficiaries", "Who benefits, and how we know", "Which learners or families, and the evidence."),
    Section("identifying", "How we will know which learners or families need it"),
    Section("success", "What success looks like", "What will be different, and for whom, if it works."),
    Section("methods", "The methods we will use to evaluate it", "Add each measure to the data collection plan below."),
    Section(
        "question",
        "Our enquiry question",
        "From a hunch to a question you can answer with evidence, e.g. Will 20 minutes of outdoor maths a week "
        "raise P4 pupils' confidence in measuring?",
    ),
    Section("challenges", "Our challenges and who can help"),
    Section("timeline", "Timeline", "When we plan, implement, collect evidence, evaluate and share."),
)
REFLECTION_SECTIONS = (
    Section("prediction", "What we predicted would happen"),
    Section("result", "What happened", "Are we making a difference, and how do we know?"),
    Section("learning", "What we learned and what we will do next"),
)
ALL_SECTIONS = {s.key: s for s in PLAN_SECTIONS + REFLECTION_SECTIONS}
MAX_TEXT = 20000
CHALLENGE_PREFIX = "cq-"  # sections answering a theme's challenge questions: "cq-<question key>"


def is_known(key: str) -> bool:
    return key in ALL_SECTIONS or key.startswith(CHALLENGE_PREFIX)
