"""The national vocabularies accounts are tagged with, shipped as data (sources in the README).

Keys are stable (they are stored on accounts); labels are the official wording.
"""

# National Improvement Framework and Improvement Plan 2025 (Scottish Government, December 2024): priorities.
NIF_PRIORITIES = {
    "nif-p1": "Placing the human rights and needs of every child and young person at the centre of education",
    "nif-p2": "Improvement in children and young people's health and wellbeing",
    "nif-p3": "Closing the attainment gap between the most and least disadvantaged children and young people",
    "nif-p4": "Improvement in skills and sustained, positive school-leaver destinations for all young people",
    "nif-p5": "Improvement in achievement, particularly in literacy and numeracy",
}
# The six drivers of improvement as renamed after the 2021 review and worded in the 2022-2024 NIF and Improvement
# Plans (the shortened 2025 NIF sets out seven outcomes instead; teams and LAs still plan by these drivers).
NIF_DRIVERS = {
    "nif-d1": "School and ELC leadership",
    "nif-d2": "Teacher and practitioner professionalism",
    "nif-d3": "Parent/carer involvement and engagement",
    "nif-d4": "Curriculum and assessment",
    "nif-d5": "School and ELC improvement",
    "nif-d6": "Performance information",
}
# How good is our school? (4th edition, Education Scotland, 2015): quality indicators.
HGIOS4 = {
    "hgios4-1.1": "1.1 Self-evaluation for self-improvement",
    "hgios4-1.2": "1.2 Leadership of learning",
    "hgios4-1.3": "1.3 Leadership of change",
    "hgios4-1.4": "1.4 Leadership and management of staff",
    "hgios4-1.5": "1.5 Management of resources to promote equity",
    "hgios4-2.1": "2.1 Safeguarding and child protection",
    "hgios4-2.2": "2.2 Curriculum",
    "hgios4-2.3": "2.3 Learning, teaching and assessment",
    "hgios4-2.4": "2.4 Personalised support",
    "hgios4-2.5": "2.5 Family learning",
    "hgios4-2.6": "2.6 Transitions",
    "hgios4-2.7": "2.7 Partnerships",
    "hgios4-3.1": "3.1 Ensuring wellbeing, equality and inclusion",
    "hgios4-3.2": "3.2 Raising attainment and achievement",
    "hgios4-3.3": "3.3 Increasing creativity and employability",
}
# How good is our early learning and childcare? (Education Scotland, 2016): quality indicators that differ
# in wording from HGIOS4 (the rest are shared and tagged with the HGIOS4 key). Checked against the Care
# Inspectorate's table linking its framework to HGIOELC.
HGIOELC = {
    "hgioelc-1.4": "1.4 Leadership and management of practitioners (HGIOELC)",
    "hgioelc-3.2": "3.2 Securing children's progress (HGIOELC)",
    "hgioelc-3.3": "3.3 Developing creativity and skills for life and learning (HGIOELC)",
}
# Quality improvement framework for the early learning and childcare sectors (Education Scotland and the Care
# Inspectorate, one shared framework for ELC settings): its quality indicators, unnumbered, under four headings.
ELC_QIF = {
    "elcqif-lead-staff": "Leadership: leadership and management of staff and resources",
    "elcqif-lead-skills": "Leadership: staff skills, knowledge, values and deployment",
    "elcqif-lead-improve": "Leadership: leadership of continuous improvement",
    "elcqif-spaces": "Quality spaces: children experience high quality spaces",
    "elcqif-play": "Play and learn: playing, learning and developing",
    "elcqif-curriculum": "Play and learn: curriculum",
    "elcqif-lta": "Play and learn: learning, teaching and assessment",
    "elcqif-care": "Supporting children to achieve: nurturing care and support",
    "elcqif-wellbeing": "Supporting children to achieve: wellbeing, inclusion and equality",
    "elcqif-progress": "Supporting children to achieve: children's progress",
    "elcqif-safeguarding": "Supporting children to achieve: safeguarding and child protection",
}
VOCABULARIES = (
    ("NIF 2025 priorities", NIF_PRIORITIES),
    ("NIF drivers of improvement (2024 wording)", NIF_DRIVERS),
    ("HGIOS4 quality indicators (shared by HGIOELC)", HGIOS4),
    ("HGIOELC quality indicators", HGIOELC),
    ("ELC quality improvement framework indicators", ELC_QIF),
)
TAGS = {key: label for _, vocabulary in VOCABULARIES for key, label in vocabulary.items()}

# Curriculum for Excellence levels, and the senior phase.
STAGES = {
    "early": "Early level",
    "first": "First level",
    "second": "Second level",
    "third": "Third level",
    "fourth": "Fourth level",
    "senior": "Senior phase",
}
PROGRAMMES = {
    "themed": "Themed network",
    "network": "Collaborative Learning Network cohort",
    "leadership": "Leadership network",
    "forum": "Forum enquiry network",
}
MEASURE_TYPES = {"quantitative": "Quantitative", "qualitative": "Qualitative", "observation": "Direct observation"}
# The key features every project should show (outcome planner, DOMAIN.md).
KEY_FEATURES = {
    "question": "A clear enquiry question",
    "data": "Data analysed to inform decisions and show impact",
    "planned": "Learning, teaching and assessment planned together",
    "observed": "Practice observed",
    "shared": "Findings shared",
}
ABSTRACT_WORDS = 120
MAX_FILES = 3
