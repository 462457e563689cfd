"""An account's images in its PDF, export and public page (alt text, no metadata), the ELC framework tags, and
the counts the reports read (published, in review, "Used this" by LA, sector and year, suppressed below 5)."""

import io

import pytest
from pypdf import PdfReader

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.practice import queries, services
from portal.practice.vocabularies import ELC_QIF, HGIOELC, TAGS
from portal.reports.sources import ReportScope, source
from tests.practice.images import SECRET, jpeg_with_metadata, png_with_metadata, upload


def _publish_with_images(world, visibility="public"):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    services.add_file(account, upload(png_with_metadata(), "wall.png"), actor=world.ewan, description="Number wall")
    services.add_file(account, upload(jpeg_with_metadata(), "log.jpg"), actor=world.ewan, description="Log circle")
    services.give_consent(account, actor=world.ewan)
    services.give_consent(account, actor=world.ailsa)
    services.submit(account, actor=world.ewan)
    services.review(account, actor=world.admin, decision="publish", visibility=visibility)
    db.session.commit()
    return account


def test_an_image_needs_alt_text(world):
    account = services.draft_from_enquiry(world.team.id, actor=world.ewan)
    with pytest.raises(ServiceError):
        services.add_file(account, upload(png_with_metadata(), "wall.png"), actor=world.ewan, description=" ")


def test_public_page_shows_images_with_alt_text_and_without_metadata(client, world):
    account = _publish_with_images(world)
    page = client.get(f"/practice/public/{account.id}").get_data(as_text=True)
    assert 'alt="Number wall"' in page and 'alt="Log circle"' in page
    sources = [part.split('"')[0] for part in page.split(f'src="/practice/public/{account.id}/images/')[1:]]
    assert len(sources) == 2
    for file_id in sources:
        image = client.get(f"/practice/public/{account.id}/images/{file_id}")
        assert image.status_code == 200 and image.mimetype in {"image/png", "image/jpeg"}
        assert SECRET not in image.data and b"Ewan" not in image.data
    for name in (world.ewan.name, world.ailsa.name):
        assert name not in page


def test_images_of_a_partnership_account_are_not_public(client, world):
    account = _publish_with_images(world, visibility="partnership")
    file_id = queries.files(account.id)[0].id
    assert client.get(f"/practice/public/{account.id}/images/{file_id}").status_code == 302  # sign in
    login_free = client.get(f"/practice/public/{account.id}/images/999999")
    assert login_free.status_code in (302, 404)


def test_pdf_and_export_embed_the_images_without_metadata(client, login, world, make_user):
    account = _publish_with_images(world)
    login(make_user(Role.PRACTITIONER))
    pdf = client.get(f"/practice/{account.id}.pdf")
    assert pdf.status_code == 200
    reader = PdfReader(io.BytesIO(pdf.data))
    assert sum(len(page.images) for page in reader.pages) >= 2  # (an image may come with its mask)
    assert SECRET not in pdf.data
    export = client.get(f"/practice/{account.id}.html").get_data(as_text=True)
    assert export.count('src="data:image/') == 2 and 'alt="Number wall"' in export
    assert "/practice/" not in export.split("<main>")[1].split("</main>")[0]  # nothing fetched back from the portal


def test_the_elc_framework_and_hgioelc_are_tags():
    assert len(ELC_QIF) == 11 and set(ELC_QIF) <= set(TAGS)
    assert "Supporting children to achieve: children's progress" in ELC_QIF.values()
    assert HGIOELC["hgioelc-1.4"].startswith("1.4 Leadership and management of practitioners")


def test_counts_by_la_sector_and_year_withhold_small_use_figures(world, make_user, make_establishment):
    account = _publish_with_images(world)
    readers = [make_user(Role.PRACTITIONER, authority_slug="inverclyde") for _ in range(5)]
    readers.append(make_user(Role.PRACTITIONER, authority_slug="east-renfrewshire"))
    for reader in readers:
        services.record_use(account, actor=reader, note="Tried it in P3.")
    db.session.commit()
    by_la, by_sector, by_year = (list(t.rows) for t in services.counts(None))
    rows = {r[0]: r[1:] for r in by_la}
    assert rows["Glasgow City"][:2] == (1, 0) and rows["Renfrewshire"][:2] == (1, 0)
    assert rows["Inverclyde"] == (0, 0, 5)
    assert rows["East Renfrewshire"] == (0, 0, None)  # one school: withheld
    assert {r[0]: r[1] for r in by_sector}["Early learning and childcare"] == 1
    assert by_year == [("2026-27", 0, 0, 6), ("2020-21", 1, 0, None)]  # uses by the year they were recorded
    assert source("practice") is services.counts


def test_counts_for_an_la_officer_scope(world, make_user):
    _publish_with_images(world)
    inverclyde = make_user(Role.LA_OFFICER, authority_slug="inverclyde").authority_id
    renfrewshire = make_user(Role.LA_OFFICER, authority_slug="renfrewshire").authority_id
    rows = list(services.counts(ReportScope(authority_id=inverclyde))[0].rows)
    assert rows == [("Inverclyde", 0, 0, None)]
    rows = list(services.counts(ReportScope(authority_id=renfrewshire, first_year=2020, last_year=2020))[2].rows)
    assert rows == [("2020-21", 1, 0, None)]
