"""Loaders the survey's view modules share."""

from portal.core.access import get_or_404
from portal.survey.models import Survey


def load_survey(survey_id: int) -> Survey:
    return get_or_404(Survey, survey_id)
