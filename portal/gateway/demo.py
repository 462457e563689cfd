"""Demo data: a dozen Gateway profiles across LAs and sectors, a request waiting for the demo practitioner,
and a Gateway team (the demo practitioner and a colleague in South Lanarkshire) with its enquiry under way."""

from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User, UserRole
from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.enquiries import plans, teams
from portal.enquiries.models import Team
from portal.enquiries.queries import team_page
from portal.extensions import db
from portal.gateway import services
from portal.gateway.models import GatewayTeam, MisuseReport, Request
from portal.gateway.vocabulary import interest_key

OUTDOOR, PLAY, WELLBEING, RACE, FAMILIES = (
    interest_key(t)
    for t in (
        "Outdoor Learning",
        "Learning Through Play",
        "Learner Wellbeing",
        "Racial Equality",
        "Engaging Families in Transition Processes",
    )
)
NUMERACY, LITERACY, SCIENCES, HWB = (
    interest_key(t) for t in ("Mathematics and numeracy", "Languages and literacy", "Sciences", "Health and wellbeing")
)
GAP, ATTAINMENT = (
    interest_key("Closing the poverty-related attainment gap"),
    interest_key("Attainment in literacy and numeracy"),
)
# e-mail local part, name, job, demo establishment index (its LA and sector follow), hunch, interests, stages, mode
PEOPLE = (
    (
        "gateway.isla",
        "Isla Morrison",
        "Class teacher",
        0,
        "Our P4s lose confidence in maths when it gets abstract: "
        "would measuring and counting outdoors keep them going?",
        (OUTDOOR, NUMERACY),
        ("first",),
        "either",
    ),
    (
        "gateway.niall",
        "Niall Grant",
        "Early years practitioner",
        3,
        "Child-led play in the outdoor area: how do we notice and extend the early numeracy we see?",
        (PLAY, OUTDOOR, NUMERACY),
        ("elc", "early"),
        "online",
    ),
    (
        "gateway.priya",
        "Priya Sharma",
        "Principal teacher of science",
        4,
        "S2 learners from our most deprived postcodes choose fewer sciences: can outdoor fieldwork change that?",
        (SCIENCES, OUTDOOR, GAP),
        ("broad",),
        "in_person",
    ),
    (
        "gateway.hamish",
        "Hamish Reid",
        "Support for learning teacher",
        7,
        "Sensory breaks outdoors for learners with "
        "complex needs: does a regular routine improve wellbeing and readiness to learn?",
        (WELLBEING, HWB, OUTDOOR),
        ("first", "second", "broad"),
        "either",
    ),
    (
        "gateway.orla",
        "Orla Byrne",
        "Class teacher",
        9,
        "Families of P7 learners feel unsure about high school: "
        "would joint transition projects with the secondary help?",
        (FAMILIES, LITERACY),
        ("second",),
        "online",
    ),
    (
        "gateway.gregor",
        "Gregor Wallace",
        "Teacher of English",
        14,
        "Reluctant readers in S1: would reading for pleasure clubs across two schools raise attainment in literacy?",
        (LITERACY, ATTAINMENT),
        ("broad",),
        "online",
    ),
    (
        "gateway.mei",
        "Mei Chen",
        "Early years practitioner",
        13,
        "Racial equality in the early years: books, play resources and conversations that reflect every family.",
        (RACE, PLAY),
        ("elc",),
        "either",
    ),
    (
        "gateway.yusuf",
        "Yusuf Ahmed",
        "Depute head teacher",
        17,
        "Building a whole-school approach to learner wellbeing in an ASN setting, with simple measures we trust.",
        (WELLBEING, HWB),
        ("second", "broad"),
        "either",
    ),
    (
        "gateway.lorna",
        "Lorna Campbell",
        "Class teacher",
        22,
        "Taking numeracy outdoors every week for P5 and P6: does engagement rise for learners affected by poverty?",
        (OUTDOOR, NUMERACY, GAP),
        ("second",),
        "either",
    ),
    (
        "gateway.ruairidh",
        "Ruairidh MacLeod",
        "Teacher of geography",
        28,
        "Outdoor fieldwork and learner wellbeing in the senior phase.",
        (OUTDOOR, WELLBEING, SCIENCES),
        ("senior",),
        "in_person",
    ),
)
EWAN = dict(
    hunch="Learners in P5 who rarely engage in maths come alive outdoors: could weekly outdoor numeracy "
    "lessons close the gap for them?",
    interests=[OUTDOOR, NUMERACY, GAP],
    stages=["second"],
)
SCHOOL = dict(
    hunch="Our primary would like partner schools in other authorities to plan outdoor learning and "
    "observe each other's lessons.",
    interests=[OUTDOOR, FAMILIES],
    stages=["early", "first", "second"],
)


def _person(ctx, local, name, job, est_index) -> User:
    email = f"{local}@demo.example.org"
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            name=name,
            email=email,
            job_title=job,
            establishment=ctx.establishments[est_index],
            password_hash=ctx.password_hash(),
            promoted="Depute" in job or "Principal" in job,
        )
        user.role_rows = [UserRole(role=str(Role.PRACTITIONER))] + (
            [UserRole(role=str(Role.SENIOR_LEADER))] if "Depute" in job else []
        )
        db.session.add(user)
        db.session.flush()
    return user


def _profile(user, kind="person", **fields) -> None:
    if services.own_profile(user, kind) is None:
        services.save_profile(actor=user, kind=kind, mode=fields.pop("mode", "either"), frequency="monthly", **fields)


def load_demo(ctx) -> None:
    people = {}
    for local, name, job, est_index, hunch, interests, stages, mode in PEOPLE:
        people[local] = user = _person(ctx, local, name, job, est_index)
        _profile(user, hunch=hunch, interests=list(interests), stages=list(stages), mode=mode)
    ewan, leader = ctx.users["practitioner"], ctx.users["leader"]
    _profile(ewan, **EWAN)
    _profile(leader, kind="establishment", **SCHOOL)
    mine = services.own_profile(ewan)
    niall, lorna = people["gateway.niall"], people["gateway.lorna"]
    _misuse_reports(people, ctx.users["lead"])
    if not db.session.scalar(select(Request.id).where(Request.sender_id == niall.id, Request.profile_id == mine.id)):
        db.session.add(
            Request(
                sender_id=niall.id,
                profile_id=mine.id,
                recipient_id=ewan.id,
                authority_id=niall.establishment.authority_id,
                sector=niall.establishment.sector,
                message="Hello Ewan, I saw you take numeracy outdoors. Our nursery does a lot of "
                "counting in the outdoor area: could we plan transitions to P1 together?",
            )
        )
    if db.session.scalar(select(Team.id).where(Team.kind == "gateway", Team.name == "Numbers Outdoors")):
        return
    team = teams.create_team(
        actor=lorna,
        kind="gateway",
        name="Numbers Outdoors",
        members=(lorna, ewan),
        shared_goal="Weekly outdoor numeracy for P5 and P6 in two schools in two authorities.",
    )
    db.session.add(
        GatewayTeam(
            team_id=team.id,
            authority_id=lorna.establishment.authority_id,
            sector=lorna.establishment.sector,
            created_at=utcnow() - timedelta(days=30),
        )
    )
    db.session.add(
        Request(
            sender_id=lorna.id,
            profile_id=mine.id,
            recipient_id=ewan.id,
            status="accepted",
            authority_id=lorna.establishment.authority_id,
            sector=lorna.establishment.sector,
            team_id=team.id,
            decided_at=utcnow() - timedelta(days=30),
            created_at=utcnow() - timedelta(days=32),
            message="Hello Ewan, we have the same hunch about outdoor numeracy. Shall we plan it?",
        )
    )
    enquiry = team_page(team.id)[1]
    plans.save_section(
        enquiry,
        "change",
        "One numeracy lesson a week outdoors, planned together across our two schools.",
        base_version=0,
        actor=lorna,
    )
    plans.save_section(
        enquiry,
        "beneficiaries",
        "P5 and P6 learners who rarely engage in maths, especially those affected by poverty.",
        base_version=0,
        actor=ewan,
    )
    plans.set_status(enquiry, "implementing", actor=lorna)
    db.session.flush()


def _misuse_reports(people, lead) -> None:
    """One open report for the lead officer to resolve, and one already resolved (the reporter was told)."""
    if db.session.scalar(select(MisuseReport.id).limit(1)):
        return
    isla, gregor, mei, yusuf = (people[f"gateway.{k}"] for k in ("isla", "gregor", "mei", "yusuf"))
    db.session.add(
        MisuseReport(
            reporter_id=isla.id,
            about_id=gregor.id,
            reason="After I declined, the same person sent three more requests advertising a paid tutoring service.",
            created_at=utcnow() - timedelta(days=2),
        )
    )
    db.session.add(
        MisuseReport(
            reporter_id=mei.id,
            about_id=yusuf.id,
            reason="The message asked for my personal mobile number before we had agreed anything.",
            created_at=utcnow() - timedelta(days=20),
            resolved_at=utcnow() - timedelta(days=18),
            resolved_by_id=lead.id,
            outcome="spoken_to",
            outcome_note="Contact details are shared by the portal once a request is accepted; Yusuf now knows.",
        )
    )
    db.session.flush()


from portal.gateway.scale import load_scale  # noqa: E402, F401  (demo.load_scale for the registry)
