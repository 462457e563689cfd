"""The end-of-year evaluation in aggregate for the steering group: counts and means per network and per kind of
network, through `portal.core.privacy` (nothing about fewer than MIN_GROUP). Written answers go to the lead
officer and the research partner only, with no name, role or date, alphabetical, and only for networks where
at least MIN_GROUP answered."""

from dataclasses import dataclass

from sqlalchemy import func, select

from portal.cohorts.models import NetworkCohort
from portal.core.privacy import MIN_GROUP, shown, suppress
from portal.core.tables import Column, Table
from portal.enquiries.models import Theme
from portal.extensions import db
from portal.feedback.models import NETWORK_KINDS, EvaluationRound, NetworkEvaluation
from portal.forums.models import Forum
from portal.reports import grouping as g
from portal.reports.sources import ReportScope


@dataclass(frozen=True)
class Row:
    label: str
    n: int
    progress: float | None
    impact: float | None
    kind: str = ""  # a network's row: its kind label and (kind, id) key
    key: tuple = ()

    @property
    def shown(self) -> bool:
        return shown(self.n)


def _row(label, n, progress, impact, **network) -> Row:
    n = int(n or 0)
    means = [suppress(float(v), n) if v is not None else None for v in (progress, impact)]
    return Row(label, n, *means, **network)


_FIGURES = (
    func.count(NetworkEvaluation.id),
    func.avg(NetworkEvaluation.progress * 1.0),
    func.avg(NetworkEvaluation.impact * 1.0),
)


def network_names(pairs) -> dict[tuple[str, int], str]:
    """Names of (kind, id) networks: one query per kind."""
    wanted: dict[str, list[int]] = {}
    for kind, network_id in pairs:
        wanted.setdefault(kind, []).append(network_id)
    names = {}
    if wanted.get("cohort"):
        for c in db.session.scalars(select(NetworkCohort).where(NetworkCohort.id.in_(wanted["cohort"]))):
            names[("cohort", c.id)] = c.name
    if wanted.get("theme"):
        for i, t in db.session.execute(select(Theme.id, Theme.title).where(Theme.id.in_(wanted["theme"]))):
            names[("theme", i)] = t
    if wanted.get("forum"):
        for i, n in db.session.execute(select(Forum.id, Forum.name).where(Forum.id.in_(wanted["forum"]))):
            names[("forum", i)] = n
    return names


def per_network(found: EvaluationRound) -> list[Row]:
    """A Row per network evaluated in the round, by kind then name."""
    rows = db.session.execute(
        select(NetworkEvaluation.network_kind, NetworkEvaluation.network_id, *_FIGURES)
        .where(NetworkEvaluation.round_id == found.id)
        .group_by(NetworkEvaluation.network_kind, NetworkEvaluation.network_id)
    ).all()
    names = network_names((k, i) for k, i, *_ in rows)
    out = [
        _row(names.get((k, i), f"{NETWORK_KINDS[k]} {i}"), *figures, kind=NETWORK_KINDS[k], key=(k, i))
        for k, i, *figures in rows
    ]
    return sorted(out, key=lambda r: (list(NETWORK_KINDS).index(r.key[0]), r.label))


def per_kind_and_role(found: EvaluationRound) -> list[Row]:
    rows = db.session.execute(
        select(NetworkEvaluation.network_kind, NetworkEvaluation.role, *_FIGURES)
        .where(NetworkEvaluation.round_id == found.id)
        .group_by(NetworkEvaluation.network_kind, NetworkEvaluation.role)
        .order_by(NetworkEvaluation.network_kind, NetworkEvaluation.role)
    )
    return [_row(f"{NETWORK_KINDS[k]}, {role}s", *figures) for k, role, *figures in rows]


def texts(found: EvaluationRound) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Per network with at least MIN_GROUP answers: (network label, [(progress, helped, hindered)]), without
    names, roles or dates, alphabetical. Smaller networks' words are not shown (people there know each other)."""
    big = {row.key: f"{row.kind}: {row.label}" for row in per_network(found) if row.shown}
    if not big:
        return []
    rows = db.session.execute(
        select(
            NetworkEvaluation.network_kind,
            NetworkEvaluation.network_id,
            NetworkEvaluation.progress_text,
            NetworkEvaluation.helped,
            NetworkEvaluation.hindered,
        )
        .where(NetworkEvaluation.round_id == found.id)
        .order_by(NetworkEvaluation.progress_text, NetworkEvaluation.helped, NetworkEvaluation.hindered)
    )
    grouped: dict[str, list] = {}
    for kind, network_id, *words in rows:
        if (kind, network_id) in big and any(words):
            grouped.setdefault(big[(kind, network_id)], []).append(tuple(words))
    return sorted(grouped.items())


# The reports' programmes (portal.reports.grouping.PROGRAMMES) that are networks of the evaluation; the others
# (the leadership programme, Gateway teams) have none.
KIND_OF_PROGRAMME = {"network": "cohort", "themed": "theme", "forum": "forum"}


READS = (NetworkEvaluation, EvaluationRound, NetworkCohort, Theme, Forum)  # what `for_report` reads


def for_report(scope: ReportScope) -> list[Table]:
    """The reports' `network_evaluation` source: evaluations per school year and kind of network, for the scope's
    LA and sector (the person's establishment), school years and programme."""
    stmt = (
        select(EvaluationRound.school_year, NetworkEvaluation.network_kind, *_FIGURES)
        .join(EvaluationRound, EvaluationRound.id == NetworkEvaluation.round_id)
        .where(
            *g.year_filters(scope, EvaluationRound.school_year), *g.person_in_scope(scope, NetworkEvaluation.user_id)
        )
        .group_by(EvaluationRound.school_year, NetworkEvaluation.network_kind)
        .order_by(EvaluationRound.school_year.desc(), NetworkEvaluation.network_kind)
    )
    if scope.programme:
        stmt = stmt.where(NetworkEvaluation.network_kind == KIND_OF_PROGRAMME.get(scope.programme, "-"))
    rows = [(y, _row(NETWORK_KINDS[k], *f)) for y, k, *f in db.session.execute(stmt)]
    if not rows:
        return []
    return [
        Table(
            "network_evaluation",
            "End-of-year evaluation of the networks",
            [
                Column("year", "School year"),
                Column("network", "Kind of network"),
                Column("n", "Evaluations", "int"),
                Column("progress", "Mean progress (1-5)", "decimal"),
                Column("impact", "Mean impact (1-5)", "decimal"),
            ],
            [[g.year_label(y), r.label, suppress(r.n, r.n), r.progress, r.impact] for y, r in rows],
            f"Participants' and facilitators' own end-of-year evaluation of their project, per school year. Every "
            f"figure, the count included, is withheld where fewer than {MIN_GROUP} answered.",
        )
    ]
