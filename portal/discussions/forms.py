"""Forms for topics, replies, edits, deletion and reports."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal.discussions.services import MAX_BODY

BODY_HINT = (
    "Markdown works: **bold**, *italic*, > quote, - lists, [link](https://...). Mention a member as @[Full Name]."
)


class TopicForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give your topic a title."), Length(max=200)])
    body = TextAreaField(
        "Message", validators=[DataRequired("Write your message."), Length(max=MAX_BODY)], description=BODY_HINT
    )
    attachment = FileField("Attach a file (optional)")


class ReplyForm(FlaskForm):
    body = TextAreaField(
        "Your reply", validators=[DataRequired("Write your reply."), Length(max=MAX_BODY)], description=BODY_HINT
    )
    quote_of = HiddenField()
    attachment = FileField("Attach a file (optional)")


class EditForm(FlaskForm):
    body = TextAreaField(
        "Message", validators=[DataRequired("Write your message."), Length(max=MAX_BODY)], description=BODY_HINT
    )


class ReasonForm(FlaskForm):
    reason = StringField("Reason", validators=[DataRequired("Give a reason."), Length(max=300)])
