"""The two self-evaluation frameworks the programme starts with, in the portal's own words (demo content the
admin then edits in the browser)."""

LEADERSHIP = {
    "slug": "leading-collaborative-enquiry",
    "title": "Leading collaborative enquiry",
    "kind": "leadership",
    "purpose": "How confident and skilled you are in leading collaborative enquiry. One domain for each "
    "module of the programme, so the result points to the modules that would help you most.",
    "sections": [
        {
            "title": "Developing enquiry skills",
            "short_title": "Enquiry skills",
            "module": "enquiry",
            "items": [
                "I can help colleagues turn a hunch about learners into a focused enquiry question.",
                "I check that an enquiry question is about outcomes for learners, especially those affected "
                "by poverty.",
                "I help teams plan one small, manageable change to test rather than many at once.",
                "I draw on published research and professional reading when shaping an enquiry.",
                "I model curiosity and critical reflection about my own practice.",
            ],
        },
        {
            "title": "Facilitating collaboration",
            "short_title": "Collaboration",
            "module": "collaboration",
            "items": [
                "I help a team agree a clear, shared goal before it starts work.",
                "I make sure time for collaboration and reflection is protected in the calendar.",
                "I create conditions where colleagues feel safe to question and to disagree.",
                "I plan teaching, learning and assessment together with colleagues, not for them.",
                "I look beyond my own setting for partners to learn with.",
            ],
        },
        {
            "title": "Using data to identify gaps and measure impact",
            "short_title": "Data and impact",
            "module": "data",
            "items": [
                "I use data to find which learners or families most need a change in practice.",
                "I help teams decide before they start how they will measure impact.",
                "I combine quantitative and qualitative evidence, such as attainment with learner voice.",
                "I help colleagues analyse the data they collect and draw careful conclusions.",
                "I use what the evidence shows to decide whether to continue, adapt or stop a change.",
            ],
        },
        {
            "title": "Developing skills in direct observation",
            "short_title": "Observation",
            "module": "observation",
            "items": [
                "I lead observation that focuses on learners' responses rather than on judging the teacher.",
                "I can set up a lesson study cycle: plan together, observe, discuss, refine.",
                "I agree a clear focus and ground rules with colleagues before any observation.",
                "I help observers record what they see accurately and without bias.",
                "I make sure what is learned from observation changes later planning.",
            ],
        },
        {
            "title": "Sharing, reporting and upscaling collaborative learning",
            "short_title": "Sharing and upscaling",
            "module": "sharing",
            "items": [
                "I help teams share what they found, including what did not work.",
                "I can write up an enquiry as an account of practice others can use.",
                "I report the impact of collaborative enquiry to my leadership team and local authority.",
                "I help successful changes spread across my setting and beyond it.",
                "I support colleagues who are starting their own enquiries after ours.",
            ],
        },
    ],
}

CAPACITY = {
    "slug": "school-capacity-to-collaborate",
    "title": "Our capacity to collaborate",
    "kind": "school_capacity",
    "purpose": "How well your school, setting or department is placed to lead improvement through "
    "collaboration, built on the key characteristics of collaborative settings.",
    "sections": [
        {
            "title": "Time ring-fenced for collaboration",
            "short_title": "Protected time",
            "module": "collaboration",
            "items": [
                "Staff have regular, protected time to work together on improving learning.",
                "That time is kept even when other pressures arise.",
                "Time for critical reflection is built into our improvement cycle.",
                "Collaborative time is used for enquiry, not only for administration.",
            ],
        },
        {
            "title": "Collaboration in improvement planning",
            "short_title": "Improvement planning",
            "module": "enquiry",
            "items": [
                "Collaborative enquiry is part of our improvement plan, not an extra.",
                "Staff help shape the priorities that collaborative teams work on.",
                "Our plan names how collaborative work will be evaluated.",
                "Leaders at every level are expected to lead collaborative work.",
            ],
        },
        {
            "title": "Use of data and evidence",
            "short_title": "Data and evidence",
            "module": "data",
            "items": [
                "Staff can get the data they need about their learners easily.",
                "We routinely use evidence to check whether a change made a difference.",
                "Research and professional reading inform our decisions.",
                "We gather the views of learners and families as evidence.",
            ],
        },
        {
            "title": "A culture that supports risk-taking",
            "short_title": "Risk-taking culture",
            "module": "observation",
            "items": [
                "Staff feel able to try something new without fear of blame if it does not work.",
                "We talk openly about what did not work and what we learned from it.",
                "Leaders model trying new approaches themselves.",
                "Trying a change on a small scale first is encouraged.",
            ],
        },
        {
            "title": "Looking outwards",
            "short_title": "Looking outwards",
            "module": "network",
            "items": [
                "We actively seek practice from other schools and settings.",
                "Staff visit or work with colleagues in other local authorities.",
                "We compare our approaches with those of others in the partnership.",
                "Ideas from outside are adapted thoughtfully to our own context.",
            ],
        },
        {
            "title": "Partnerships",
            "short_title": "Partnerships",
            "module": "practice",
            "items": [
                "We work with partners such as universities, educational psychologists and the third sector.",
                "Partnerships have clear purposes linked to outcomes for learners.",
                "We share our own learning with partners as well as learning from them.",
                "Partnerships last long enough to make a difference.",
            ],
        },
        {
            "title": "Families and communities",
            "short_title": "Families and communities",
            "module": "sharing",
            "items": [
                "Families are involved in deciding what we improve.",
                "We share the findings of our enquiries with families.",
                "We work with community organisations to support learners.",
                "We take particular care to involve families affected by poverty.",
            ],
        },
    ],
}
