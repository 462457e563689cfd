"""Demo accounts of practice: six published across themes and sectors, one waiting for review; and the scale
data (several hundred published accounts over the scale enquiry teams) for `make bench`."""

import io
import struct
import zlib

from sqlalchemy import insert, select, text, update
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User, UserRole
from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.enquiries import plans, teams
from portal.enquiries.models import Team, Theme
from portal.enquiries.queries import team_page
from portal.extensions import db
from portal.practice import services
from portal.practice.models import PUBLISHED, AccountFacet, PracticeAccount, Use

# (theme, sector of both members' establishments, title, abstract, change, findings, stages, tags, visibility)
ACCOUNTS = [
    (
        "Learning Through Play",
        "ELC",
        "Loose parts in the nursery garden",
        "Two nurseries added loose parts to the garden and observed play weekly. Sustained, child-led play rose "
        "from a few minutes to most of the session, and quieter children led more games.",
        "Crates, tubes and fabric in the garden every morning; staff observe rather than direct.",
        "Observed child-led play episodes rose from 3 to 11 a session; parents noticed more talk about play at home.",
        ["early"],
        ["hgios4-2.3", "nif-p2", "elcqif-play"],
        "public",
    ),
    (
        "Racial Equality",
        "Secondary",
        "Whose stories are on our shelves?",
        "Two English departments audited their class texts with learners and added authors from minority ethnic "
        "communities. Learners reported feeling more represented and discussions deepened.",
        "A learner-led audit of S1-S3 class texts, then three new novels taught in S2.",
        "Pupil voice: 'I saw my family in a book at school for the first time.' More learners chose to read aloud.",
        ["third", "fourth"],
        ["nif-p1", "hgios4-3.1", "hgios4-2.2"],
        "public",
    ),
    (
        "Engaging Families in Transition Processes",
        "Primary",
        "P7 to S1: families first",
        "Primary and secondary staff ran family evenings before the move to S1. Families felt better informed and "
        "fewer learners reported worries in the first term.",
        "Two family evenings and a shared transition booklet written with P7 learners.",
        "Worries reported in the first-term check-in fell from 41% to 18% of learners.",
        ["second", "third"],
        ["hgios4-2.6", "hgios4-2.5", "nif-d3"],
        "partnership",
    ),
    (
        "Outdoor Learning",
        "ASN",
        "Sensory walks as a daily routine",
        "An additional support needs school made a short sensory walk part of every morning. Time to settle into "
        "learning fell and staff recorded fewer moments of distress.",
        "A ten-minute sensory walk in the grounds before the first lesson, every day.",
        "Median minutes to settle fell from 18 to 7; distress incidents before 10 am halved.",
        ["early", "first"],
        ["nif-p2", "hgios4-3.1"],
        "public",
    ),
    (
        "Learner Wellbeing",
        "Primary",
        "Check-in circles in P5",
        "Two primaries began each day with a short check-in circle. Learners' wellbeing scores rose and teachers "
        "acted sooner on worries.",
        "A five-minute check-in circle each morning using a shared feelings scale.",
        "Average wellbeing score rose from 3.1 to 3.9 (of 5); teachers followed up on 24 worries they would "
        "have missed.",
        ["second"],
        ["nif-p2", "hgios4-3.1", "nif-d2"],
        "public",
    ),
    (
        "Outdoor Learning",
        "Secondary",
        "Maths trails in the local park",
        "A secondary maths department and a feeder primary built maths trails in the park. Engagement of learners "
        "affected by poverty rose, and attainment in measurement improved.",
        "One measurement lesson a fortnight on a park maths trail designed with the feeder primary.",
        "Measurement assessment scores rose by 12 percentage points; attendance on trail days was higher.",
        ["third"],
        ["nif-p3", "nif-p5", "hgios4-3.2"],
        "public",
    ),
]
IN_REVIEW = (
    "Learning Through Play",
    "ELC",
    "Talk tables at snack time",
    "Snack time became a planned talk opportunity with a talk prompt on every table.",
    "A talk prompt card on every snack table; staff model extending conversations.",
    "Children's turns in conversation doubled in observed snack times.",
    ["early"],
    ["nif-p5"],
    "partnership",
)


def _member(ctx, n: int, establishment) -> User:
    email = f"practice.member{n}@demo.example.org"
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            name=f"Team Member {n}",
            email=email,
            job_title="Teacher",
            establishment=establishment,
            password_hash=ctx.password_hash(),
        )
        user.role_rows = [UserRole(role=str(Role.PRACTITIONER))]
        db.session.add(user)
        db.session.flush()
    return user


def _account(n: int, spec, ctx, themes: dict, *, publish: bool) -> None:
    theme_title, sector, title, abstract, change, findings, stages, tags, visibility = spec
    name = f"{title} team"
    if db.session.scalar(select(Team.id).where(Team.name == name)):
        return
    in_sector = [e for e in ctx.establishments if e.sector == sector]
    first = _member(ctx, 2 * n, in_sector[n % len(in_sector)])
    second = _member(ctx, 2 * n + 1, in_sector[-1 - n % len(in_sector)])
    team = teams.create_team(
        actor=first,
        theme=themes[theme_title],
        name=name,
        members=(first, second),
        shared_goal=abstract.split(".")[0] + ".",
    )
    enquiry = team_page(team.id)[1]
    plans.save_section(enquiry, "change", change, base_version=0, actor=first)
    plans.save_section(enquiry, "result", findings, base_version=0, actor=second)
    account = services.draft_from_enquiry(team.id, actor=first)
    facets = services.facet_values(account.id) | {
        "stage": stages,
        "tag": tags,
        "features": ["question", "planned", "shared"],
    }
    fields = {k: getattr(account, k) for k in services.TEXT_FIELDS} | {"title": title, "abstract": abstract}
    services.save_account(account, actor=first, fields=fields, facets=facets, visibility=visibility)
    if n == 1:  # the first account shows a picture (drawn here: no photograph of anyone) with its alt text
        picture = FileStorage(io.BytesIO(_garden_png()), filename="garden-plan.png")
        services.add_file(account, picture, actor=first, description=GARDEN_ALT)
    for person in (first, second):
        services.give_consent(account, actor=person)
    services.submit(account, actor=first)
    if publish:
        services.review(account, actor=ctx.users["lead"], decision="publish", visibility=visibility)


GARDEN_ALT = "A plan of the nursery garden: grass with crates, tubes and fabric set out in three play zones."


def _garden_png(width: int = 240, height: int = 150) -> bytes:
    """A simple drawn plan (green grass, three brown crates, a blue tube) as a PNG, made without any library."""
    shapes = [((30, 40, 80, 90), (150, 100, 60)), ((100, 60, 150, 110), (150, 100, 60))]
    shapes += [((170, 30, 220, 80), (150, 100, 60)), ((40, 115, 210, 130), (40, 110, 200))]
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            colour = next((c for (x0, y0, x1, y1), c in shapes if x0 <= x < x1 and y0 <= y < y1), (90, 170, 80))
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"".join(rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def load_demo(ctx) -> None:
    themes = {t.title: t for t in db.session.scalars(select(Theme).where(Theme.school_year == "2020-21"))}
    for n, spec in enumerate(ACCOUNTS, start=1):
        _account(n, spec, ctx, themes, publish=True)
    _account(len(ACCOUNTS) + 1, IN_REVIEW, ctx, themes, publish=False)
    first = db.session.scalar(select(PracticeAccount).where(PracticeAccount.title == ACCOUNTS[0][2]))
    reader = ctx.users["leader"]
    if first is not None and not db.session.scalar(select(Use.id).where(Use.account_id == first.id).limit(1)):
        services.record_use(first, actor=reader, note="We added loose parts to our P1 playground in May.")
    db.session.flush()


SCALE_ACCOUNTS = 400


def load_scale(ctx) -> None:
    """Several hundred published accounts over the scale teams, with facets and uses, in bulk."""
    from portal.practice.vocabularies import STAGES, TAGS

    rng = ctx.rng
    rows = db.session.execute(
        select(Team.id, Theme.title, Theme.school_year)
        .join(Theme, Theme.id == Team.theme_id)
        .order_by(Team.id)
        .limit(SCALE_ACCOUNTS)
    ).all()
    now = utcnow()
    accounts = [
        {
            "team_id": tid,
            "state": PUBLISHED,
            "visibility": "public" if i % 3 else "partnership",
            "title": f"{theme}: account {i + 1}",
            "abstract": ACCOUNTS[i % 6][3],
            "question": "",
            "context": "",
            "change": ACCOUNTS[i % 6][4],
            "beneficiaries": "",
            "findings": ACCOUNTS[i % 6][5],
            "not_worked": "",
            "next_steps": "",
            "features": "question,data",
            "measures_json": "[]",
            "programme": "themed",
            "theme_title": theme,
            "school_year": year,
            "version": 1,
            "search_text": f"{theme} {ACCOUNTS[i % 6][3]} {ACCOUNTS[i % 6][4]} {ACCOUNTS[i % 6][5]}",
            "created_at": now,
            "updated_at": now,
            "published_at": now,
        }
        for i, (tid, theme, year) in enumerate(rows)
    ]
    if not accounts:
        return
    ids = list(
        db.session.scalars(
            insert(PracticeAccount).returning(PracticeAccount.id, sort_by_parameter_order=True), accounts
        )
    )
    las = [la for la in db.session.scalars(text("select slug from local_authority"))]
    facets, uses = [], []
    readers = ctx.user_ids_by_role[Role.PRACTITIONER]
    for aid in ids:
        values = {
            ("sector", rng.choice(["ELC", "Primary", "Secondary", "ASN"])),
            ("la", rng.choice(las)),
            ("la", rng.choice(las)),
            ("stage", rng.choice(list(STAGES))),
            ("measure", "quantitative"),
            ("tag", rng.choice(list(TAGS))),
            ("tag", rng.choice(list(TAGS))),
        }
        facets += [{"account_id": aid, "facet": f, "value": v} for f, v in values]
        uses += [
            {"account_id": aid, "user_id": u, "note": "", "created_at": now}
            for u in rng.sample(readers, rng.randint(0, 4))
        ]
    db.session.execute(insert(AccountFacet), facets)
    if uses:
        db.session.execute(insert(Use), uses)
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(
            update(PracticeAccount).values(
                search_vector=db.func.to_tsvector(text("'english'"), PracticeAccount.search_text)
            )
        )
    db.session.flush()
