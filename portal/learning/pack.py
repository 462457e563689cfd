"""Pure calculations for the Professional Update pack: the school year, hours by standard, paste-ready text."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal


def school_year(today: date) -> tuple[date, date]:
    """The Scottish school year holding `today`: 1 August to 31 July."""
    start_year = today.year if today.month >= 8 else today.year - 1
    return date(start_year, 8, 1), date(start_year + 1, 7, 31)


def five_years_to(signoff: date) -> tuple[date, date]:
    """The five years up to a Professional Update sign-off date: from the day after the same date five years
    before, to the sign-off date (29 February falls back to 28 February)."""
    try:
        before = signoff.replace(year=signoff.year - 5)
    except ValueError:
        before = signoff.replace(year=signoff.year - 5, day=28)
    return before + timedelta(days=1), signoff


def hours_by_standard(entries, labels: dict) -> list[tuple[str, Decimal]]:
    """(standard label, total hours) for every standard in `labels` order that has entries."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for entry in entries:
        totals[entry.standard] += Decimal(str(entry.hours or 0))
    return [(label, totals[key]) for key, label in labels.items() if key in totals]


def paste_text(entry, *, kind_labels: dict, standard_labels: dict, section_labels: dict) -> str:
    """One entry as plain text to paste into MyGTCS (there is no import route)."""
    dates = entry.started_on.strftime("%d/%m/%Y")
    if entry.ended_on and entry.ended_on != entry.started_on:
        dates += " to " + entry.ended_on.strftime("%d/%m/%Y")
    lines = [
        f"Title: {entry.title}",
        f"Type: {kind_labels.get(entry.kind, entry.kind)}",
        f"Dates: {dates}",
        f"Hours: {entry.hours}",
        f"Professional Standard: {standard_labels.get(entry.standard, entry.standard)}",
        "Sections: " + ("; ".join(section_labels[s] for s in entry.section_keys if s in section_labels) or "none"),
        f"Reflection (impact on my practice, learners and colleagues): {entry.reflection or 'to be written'}",
    ]
    if entry.evidence_lines:
        lines.append("Evidence: " + "; ".join(entry.evidence_lines))
    return "\n".join(lines)
