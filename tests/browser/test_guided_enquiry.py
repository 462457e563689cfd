"""Issue 20, done means: a team walks the guided enquiry from the challenge questions to a PDSA cycle drawn on its
run chart (dated axis, phases, which direction is better), with axe on every page opened."""

from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def _save_section(page, key: str, label: str, text: str) -> None:
    section = page.locator(f"#section-{key}")
    section.get_by_role("textbox", name=label, exact=True).fill(text)
    section.get_by_role("button", name=f"Save {label}").click()
    expect(section.get_by_text("Saved.")).to_be_visible()


def _open(page, step: str) -> None:
    summary = page.locator(f"#step-{step} > details > summary")
    if page.locator(f"#step-{step} > details[open]").count() == 0:
        summary.click()


def test_a_team_walks_the_guided_enquiry_to_a_cycle_on_its_run_chart(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/")
    page.get_by_role("link", name="Outdoor Learning").click()
    if page.get_by_role("button", name="Register for this theme").count():
        page.get_by_role("button", name="Register for this theme").click()
    page.get_by_role("link", name="Set up a team").click()
    page.get_by_label("Team name").fill("Forest Finders")
    page.get_by_role("button", name="Set up team").click()
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()

    # 1. Challenge questions and the hunch: the first step is open and suggested.
    expect(page.locator("#next-step")).to_contain_text("1. Challenge questions and our hunch")
    expect(page.locator("#step-challenge > details")).to_have_attribute("open", "")
    assert_accessible(page)
    first_question = page.locator("#step-challenge").get_by_role("textbox").first
    first_question.fill("Our learners rarely use the grounds for maths.")
    page.locator("#step-challenge form").first.get_by_role("button").click()
    expect(page.locator("#step-challenge section").first.get_by_text("Saved.")).to_be_visible()
    _save_section(page, "hunch", "Our hunch: what we noticed", "Measuring real things outside would engage P4.")
    page.reload()
    expect(page.locator("#step-challenge summary").first).to_contain_text("Done")
    expect(page.locator("#next-step")).to_contain_text("2. The change and who benefits")

    # 2. The change and who benefits.
    _save_section(page, "change", "The change we hope to make and what it should improve", "Outdoor maths weekly.")
    _save_section(page, "beneficiaries", "Who benefits, and how we know", "P4 learners; engagement scale.")
    page.reload()
    expect(page.locator("#next-step")).to_contain_text("3. From a hunch to an enquiry question")

    # 3. From a hunch to an enquiry question: the question, the aim and a driver diagram.
    _save_section(page, "question", "Our enquiry question", "Will weekly outdoor maths raise engagement?")
    page.locator("#step-question").get_by_role("link", name="Write the aim").click()
    assert_accessible(page)
    page.get_by_label("What will improve").fill("engagement in maths")
    page.get_by_label("For whom").fill("our 25 P4 learners")
    page.get_by_label("By how much").fill("from 30 to 90 minutes outdoors a week")
    page.get_by_label("By when").fill("2021-06-25")
    page.get_by_role("button", name="Save the aim").click()
    expect(page.locator("#aim")).to_contain_text("our 25 P4 learners")
    page.get_by_role("link", name="Draw a driver diagram (optional)").click()
    page.get_by_label("Text").fill("Learners see a purpose")
    page.get_by_role("button", name="Add to the diagram").click()
    expect(page.locator("#driver-diagram svg")).to_be_visible()
    expect(page.locator("#drivers-text")).to_contain_text("Primary driver: Learners see a purpose")
    assert_accessible(page)
    page.get_by_role("link", name="Back to the enquiry").click()
    expect(page.locator("#next-step")).to_contain_text("4. Measures and the data collection plan")

    # 4. Measures and the data collection plan, with data on a run chart: higher is better, a phase.
    _open(page, "measures")
    _save_section(page, "methods", "The methods we will use to evaluate it", "Weekly minutes outdoors (run chart).")
    page.get_by_role("link", name="Add a measure").click()
    page.get_by_label("Name of the measure").fill("Minutes outdoors")
    page.get_by_label("Baseline").fill("30")
    page.get_by_role("button", name="Save measure").click()
    page.get_by_role("link", name="Minutes outdoors", exact=True).click()
    start = date(2021, 1, 8)
    for week, value in enumerate([30, 25, 35, 30, 28, 32, 75, 80, 85, 90, 82, 88]):
        page.get_by_label("Date").fill(f"{start + timedelta(weeks=week):%Y-%m-%d}")
        page.get_by_label("Value").fill(str(value))
        page.get_by_role("button", name="Add data point").click()
        expect(page.locator("#measure-data table")).to_contain_text(f"{start + timedelta(weeks=week):%d %b %Y}")
    page.get_by_text("Higher is better", exact=True).click()  # the design system draws the radio on its label
    page.get_by_role("button", name="Save chart settings").click()
    expect(page.get_by_role("status")).to_contain_text("The chart is updated")
    page.get_by_label("When the new phase starts").fill("2021-02-19")
    page.get_by_label("What changed").fill("Outdoor maths weekly")
    page.get_by_role("button", name="Start a new phase").click()
    expect(page.get_by_role("status")).to_contain_text("A new phase, Outdoor maths weekly")
    expect(page.locator("figcaption").first).to_contain_text("improvement")
    assert_accessible(page)

    # 5. A cycle of change, predicted and decided, drawn on the run chart over the dates it covers.
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    expect(page.locator("#next-step")).to_contain_text("5. Cycles of change")
    page.get_by_role("link", name="Plan a cycle").click()
    assert_accessible(page)
    page.get_by_label("The change we are testing").fill("Friday maths in the playground")
    page.get_by_label("Measure it is judged by").select_option(label="Minutes outdoors")
    page.get_by_label("Starts").fill("2021-02-19")
    page.get_by_label("Ends (leave empty while it runs)").fill("2021-03-12")
    page.get_by_label("Plan: what we predict will happen").fill("Minutes outdoors pass 60 a week.")
    page.get_by_label("Study: what the data showed against the prediction").fill("A shift above the median.")
    page.get_by_label("Act: our decision").select_option("adopt")
    page.get_by_role("button", name="Save the cycle").click()
    cycles = page.locator("#step-cycles")
    expect(cycles).to_contain_text("Friday maths in the playground")
    expect(page.locator("#step-cycles summary").first).to_contain_text("Done")
    assert_accessible(page)
    cycles.get_by_role("link", name="See it on the run chart").click()
    chart = page.locator("svg.wp_runchart")
    expect(chart.locator("rect.wp_rc-cycle")).to_have_count(1)
    expect(chart).to_contain_text("C1")
    expect(chart).to_contain_text("Feb 2021")  # a dated axis
    expect(chart).to_contain_text("Outdoor maths weekly")  # the phase
    caption = page.locator("figcaption").first
    expect(caption).to_contain_text("C1. Friday maths in the playground (19 Feb 2021 to 12 Mar 2021; adopt)")
    expect(caption).to_contain_text("improvement")  # read with the direction: higher is better
    assert_accessible(page)
