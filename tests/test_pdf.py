"""The one HTML-to-PDF helper reads nothing outside static/ (its stylesheet is parsed once per process)."""

import logging

from portal.core.pdf import html_to_pdf


def test_nothing_outside_static_is_loaded_on_any_render(own_app, caplog):
    page = '<!doctype html><html lang="en"><title>t</title><img src="file:///etc/hostname" alt="x"><p>Text</p></html>'
    for _ in range(2):  # the second render uses the stylesheet parsed by the first
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="weasyprint"):
            assert html_to_pdf(page).startswith(b"%PDF")
        assert "Not loaded while making a PDF: file:///etc/hostname" in caplog.text
