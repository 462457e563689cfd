"""Demo data: the five 2020-21 themes, a link officer, and a living Outdoor Learning team across two LAs."""

import io
from datetime import date, timedelta

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.enquiries import charts, cycles, evidence, plans, teams, themes
from portal.enquiries.models import Team, Theme, ThemeResource
from portal.enquiries.queries import team_page
from portal.extensions import db

THEMES_2020_21 = {
    "Engaging Families in Transition Processes": "How can we work with families so that moves between stages, "
    "from nursery to primary and primary to secondary, go well for every learner?",
    "Learning Through Play": "Play-based pedagogy in the early level and beyond: what changes for learners when "
    "play is planned, observed and valued?",
    "Racial Equality": "Building anti-racist practice: curriculum, relationships and the experiences of learners "
    "and families from minority ethnic communities.",
    "Outdoor Learning": "Using outdoor spaces and the local community to deepen learning across the curriculum, "
    "with a focus on learners affected by poverty.",
    "Learner Wellbeing": "Small changes that improve learners' wellbeing, and how we know they do.",
}
PLAN = {
    "hunch": "Our P5 learners switch off in long indoor lessons; we think learning outside, with real things to "
    "measure and describe, would keep more of them engaged.",
    "question": "Will one outdoor literacy and one outdoor numeracy lesson a week raise P5 learners' engagement?",
    "change": "Take one literacy and one numeracy lesson a week outdoors in the school grounds and the local park.",
    "beneficiaries": "P5 learners in both schools, especially those with low engagement in class (tracked by the "
    "engagement scale).",
    "identifying": "Baseline engagement observations and pupil voice in August; attendance patterns.",
    "success": "More time learning outdoors, higher engagement, and learners saying they enjoy the lessons.",
    "methods": "Weekly minutes outdoors (run chart), paired lesson observations, pupil voice groups.",
    "challenges": "Weather and kit; the park visit needs extra adults. Our link officer and the parent council "
    "can help.",
    "timeline": "Aug: baseline. Sep-Dec: weekly outdoor lessons. Jan: evaluate. Mar: sharing event.",
    "prediction": "We predicted outdoor time would rise to about 90 minutes a week.",
    "result": "Outdoor time rose from about 30 to over 80 minutes a week: a shift on the run chart from week 7.",
    "learning": "Planning together across two LAs made the lessons better. Next: extend to P6.",
}
STIMULUS = b"Stimulus paper (demo): why outdoor learning, and what the research says.\n"
MINUTES = [30, 25, 35, 30, 28, 32, 75, 80, 85, 90, 82, 88]


def _colleague(ctx) -> User:
    email = "colleague@demo.example.org"
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            name="Ailsa Colleague",
            email=email,
            job_title="Class teacher",
            password_hash=ctx.password_hash(),
            establishment=ctx.establishments[5],
        )  # Renfrewshire: another LA from the practitioner
        user.role_rows = [UserRole(role=str(Role.PRACTITIONER))]
        db.session.add(user)
        db.session.flush()
    return user


def load_demo(ctx) -> None:
    lead = ctx.users["lead"]
    by_title = {}
    for title, description in THEMES_2020_21.items():
        theme = db.session.scalar(select(Theme).where(Theme.school_year == "2020-21", Theme.title == title))
        by_title[title] = theme or themes.save_theme(
            None, actor=lead, school_year="2020-21", title=title, description=description
        )
    outdoor = by_title["Outdoor Learning"]
    if not db.session.scalar(select(ThemeResource.id).where(ThemeResource.theme_id == outdoor.id).limit(1)):
        themes.add_resource(
            outdoor,
            actor=lead,
            title="Outdoor learning: practical guidance (Education Scotland)",
            url="https://education.gov.scot/",
        )
        themes.add_resource(
            outdoor,
            actor=lead,
            title="Stimulus paper: learning beyond the classroom",
            upload=FileStorage(io.BytesIO(STIMULUS), filename="stimulus-outdoor-learning.txt"),
        )
    _challenge_questions_and_events(outdoor, lead)
    officer = ctx.users["la_officer"]
    themes.set_link_officer(officer.authority_id, officer, actor=lead)
    ctx.users["colleague"] = colleague = _colleague(ctx)
    practitioner = ctx.users["practitioner"]
    themes.register(by_title["Learning Through Play"], actor=ctx.users["leader"])
    if db.session.scalar(select(Team.id).where(Team.theme_id == outdoor.id, Team.name == "Outdoor Explorers")):
        return
    team = teams.create_team(
        actor=practitioner,
        theme=outdoor,
        name="Outdoor Explorers",
        shared_goal="Every P5 learner in our two schools learns outdoors every week.",
    )
    teams._add_member(team, colleague)
    teams.assign_facilitator(team, ctx.users["facilitator"], actor=lead)
    enquiry = team_page(team.id)[1]
    for key, text in PLAN.items():
        plans.save_section(enquiry, key, text, base_version=0, actor=practitioner)
    minutes = plans.save_measure(
        enquiry,
        None,
        actor=practitioner,
        name="Minutes of learning outdoors per week",
        kind="quantitative",
        shows="process",
        baseline="30",
        target="90",
        how_collected="Class timetable log",
        when_collected="Every Friday",
    )
    engagement = plans.save_measure(
        enquiry,
        None,
        actor=colleague,
        name="Learner engagement in outdoor lessons",
        kind="observation",
        shows="outcome",
        baseline="Low for a third of the class",
        target="High for most learners",
        how_collected="Paired lesson observation",
        when_collected="Twice a term",
    )
    start = date(2020, 9, 4)
    for week, value in enumerate(MINUTES):
        evidence.add_data_point(
            enquiry,
            minutes,
            actor=practitioner,
            on=start + timedelta(weeks=week),
            value=str(value),
            note="Outdoor maths timetabled" if week == 6 else "",
        )
    # the run chart reads the change: higher is better, a new phase from the week outdoor maths was timetabled
    charts.set_chart(enquiry, minutes, actor=practitioner, better="up", chart="run")
    charts.add_phase(
        enquiry, minutes, actor=practitioner, starts_on=start + timedelta(weeks=6), label="Outdoor maths weekly"
    )
    first, _ = _improvement_record(enquiry, minutes, practitioner, start)
    evidence.add_note(
        enquiry,
        actor=colleague,
        kind="observation",
        on=date(2020, 10, 14),
        observer="Ailsa Colleague",
        measure_id=engagement.id,
        cycle_id=first.id,
        focus="How learners explain their measuring to each other",
        text="Learners measured the playground in groups; three usually quiet learners led their groups.",
        responses="Most groups argued about metres and strides, then agreed a method; two learners asked to "
        "measure the car park next.",
        next_steps="Teach estimating before measuring; observe the same three learners in the next cycle.",
    )
    evidence.add_note(
        enquiry,
        actor=practitioner,
        kind="qualitative",
        on=date(2020, 11, 20),
        observer="Ewan Practitioner",
        text="Pupil voice: 'I like maths outside because we can move.'",
    )
    evidence.publish_summary(enquiry, actor=practitioner)
    db.session.flush()


def _improvement_record(enquiry, minutes, actor, start: date):
    """The aim, a small driver diagram and two PDSA cycles drawn on the minutes run chart."""
    cycles.save_aim(
        enquiry,
        actor=actor,
        what="engagement in literacy and numeracy",
        who="the 48 P5 learners in our two schools",
        how_much="from 30 to 90 minutes of outdoor learning a week, with most learners highly engaged",
        by=date(2021, 3, 26),
    )
    primary = cycles.add_driver(enquiry, actor=actor, kind="primary", text="Learners see a purpose in what they learn")
    places = cycles.add_driver(
        enquiry, actor=actor, kind="secondary", text="Real places to measure and describe", parent_id=primary.id
    )
    cycles.add_driver(enquiry, actor=actor, kind="change", text="Outdoor maths on Fridays", parent_id=places.id)
    cycles.add_driver(enquiry, actor=actor, kind="change", text="Outdoor literacy on Tuesdays", parent_id=places.id)
    talk = cycles.add_driver(enquiry, actor=actor, kind="primary", text="Learners talk about their learning")
    cycles.add_driver(enquiry, actor=actor, kind="secondary", text="Group roles outdoors", parent_id=talk.id)
    first = cycles.save_cycle(
        enquiry,
        None,
        actor=actor,
        title="Outdoor maths on Fridays",
        measure_id=minutes.id,
        starts_on=start + timedelta(weeks=6),
        ends_on=start + timedelta(weeks=8),
        prediction="Outdoor time rises above 60 minutes a week and quiet learners join in.",
        done="Three Friday maths lessons in the playground, measuring and estimating.",
        showed="Minutes rose to 75-85, above the baseline median every week; the observation saw quiet learners lead.",
        decision="adopt",
    )
    second = cycles.save_cycle(
        enquiry,
        None,
        actor=actor,
        title="Outdoor literacy on Tuesdays",
        measure_id=minutes.id,
        starts_on=start + timedelta(weeks=9),
        ends_on=start + timedelta(weeks=11),
        prediction="Adding a literacy lesson takes outdoor time to about 90 minutes.",
        done="Descriptive writing in the park; two lessons lost to rain.",
        showed="82-90 minutes: near the target, but the weather cut two lessons.",
        decision="adapt",
    )
    return first, second


def _challenge_questions_and_events(theme: Theme, lead) -> None:
    """The theme's challenge questions (a frameworks framework) and its events (upcoming, so they can be booked)."""
    from datetime import datetime, time

    from portal.enquiries import links
    from portal.events import services as events

    if links.challenge_framework_id(theme.id) is None:
        links.create_challenge_questions(theme, actor=lead, groups=CHALLENGE_QUESTIONS)
    if links.theme_events(theme.id, limit=1):
        return
    first = date.today() + timedelta(days=14)
    online = "https://meet.example.org/west-partnership/outdoor-learning"
    common = {"actor": lead, "context_type": links.CONTEXT, "context_id": theme.id, "online_url": online}
    events.create_event(
        title="Outdoor Learning: launch webinar",
        kind="launch",
        compulsory=True,
        starts_at=datetime.combine(first, time(16, 0)),
        ends_at=datetime.combine(first, time(17, 0)),
        **common,
    )
    events.create_event(
        title="Outdoor Learning webinar: measuring engagement outdoors",
        kind="webinar",
        starts_at=datetime.combine(first + timedelta(days=21), time(16, 0)),
        ends_at=datetime.combine(first + timedelta(days=21), time(17, 0)),
        **common,
    )
    events.create_series(
        title="Outdoor Learning drop-in",
        kind="drop_in",
        dates=events.monthly_dates(first + timedelta(days=7), 6),
        start_time=time(15, 45),
        end_time=time(16, 30),
        **common,
    )
    share = first + timedelta(days=200)
    events.create_event(
        title="Outdoor Learning: online sharing event",
        kind="sharing_event",
        starts_at=datetime.combine(share, time(15, 30)),
        ends_at=datetime.combine(share, time(17, 0)),
        **common,
    )


CHALLENGE_QUESTIONS = {
    "Where are we now?": [
        "How often do our learners learn outdoors, and which learners miss out?",
        "What do learners and families tell us about learning outdoors?",
    ],
    "What could we change?": [
        "Which one small change to our outdoor practice could make the biggest difference?",
        "How will we know whether the change is an improvement?",
    ],
}
