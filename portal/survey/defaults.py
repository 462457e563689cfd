"""The portal's own items for a first survey (its own words; the real survey's wording is not public).

Per theme: seven statements for everyone, one for the senior leadership team's version, one for the staff
version (45 in all; each version has 40). The lead officer edits them per year.
"""

OPEN_QUESTION = "What one change would most help staff in your establishment to work together on improvement?"

ITEMS = {
    "reflection": (
        ("both", "Staff here regularly look at evidence about learners to decide what to try next."),
        ("both", "We are encouraged to ask questions about our own practice."),
        ("both", "Trying something new and finding it did not work is treated as useful learning."),
        ("both", "I have time to reflect on my practice with colleagues."),
        ("both", "We use simple measures to see whether a change is making a difference."),
        ("both", "Colleagues share what they are finding out from their enquiries."),
        ("both", "Enquiry is seen as part of everyday work, not an extra."),
        ("slt", "I make sure staff enquiries are connected to our improvement priorities."),
        ("staff", "My senior leaders show interest in what I find out through enquiry."),
    ),
    "planning": (
        ("both", "Our improvement plan has been shaped by staff across the establishment."),
        ("both", "Time for working together is planned into the year, not left to chance."),
        ("both", "I know how my own work contributes to our improvement priorities."),
        ("both", "Plans for collaboration include how we will know it made a difference."),
        ("both", "We plan with colleagues from other establishments when it helps learners."),
        ("both", "Meetings are used for planning learning, not only for information."),
        ("both", "Plans are reviewed and changed when the evidence says so."),
        ("slt", "I protect the time staff need to plan together."),
        ("staff", "I have a say in how our collaborative time is used."),
    ),
    "involvement": (
        ("both", "Everyone is welcome to take part in improvement work, whatever their role."),
        ("both", "Learners' views shape what we try to improve."),
        ("both", "Parents and carers are told about, and involved in, our improvement work."),
        ("both", "I feel able to disagree with colleagues in a professional discussion."),
        ("both", "Support staff are involved in collaborative projects."),
        ("both", "Working with other schools or settings is normal here."),
        ("both", "I know who to ask when I want to work with someone beyond my establishment."),
        ("slt", "I make it easy for staff at every level to lead a piece of improvement work."),
        ("staff", "I have been invited to take part in a network or collaborative team."),
    ),
    "clpl": (
        ("both", "My professional learning is connected to what my learners need."),
        ("both", "I learn from watching colleagues teach or work with learners."),
        ("both", "Professional learning here is an ongoing process, not one-off events."),
        ("both", "I can follow up professional learning with colleagues after an event."),
        ("both", "Professional review conversations help me to plan my learning."),
        ("both", "I have used research or reading to change something in my practice."),
        ("both", "I share what I have learned with colleagues."),
        ("slt", "I can see the effect of staff professional learning on learners' experiences."),
        ("staff", "I have had the professional learning I need to lead an enquiry."),
    ),
    "leadership": (
        ("both", "Leadership is shared across the establishment, not held by a few."),
        ("both", "Leaders here model collaborative learning themselves."),
        ("both", "Staff are trusted to make decisions about improvement."),
        ("both", "Leaders make it safe to try new approaches."),
        ("both", "Leaders help us to make connections with other establishments."),
        ("both", "Successes from collaborative work are recognised and shared."),
        ("both", "There is a clear sense of direction for improvement here."),
        ("slt", "I regularly ask staff what would help them to collaborate."),
        ("staff", "I feel that my leadership of learning is valued."),
    ),
}
