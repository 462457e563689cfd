"""HTML to PDF with WeasyPrint, for any domain (accounts of practice, reports): one helper, nothing fetched.

WeasyPrint needs Debian's pango libraries and a font (`make install` / `make system-test-deps` add them).
Only files under static/ (stylesheets, icons) and data: URLs (images a page embeds on purpose) may be loaded;
any other address is refused, so rendering never reaches the network and never reads uploads by path.
"""

from pathlib import Path

from flask import current_app, make_response


def _fetcher(static_root: Path):
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            path = Path(unquote(parts.path)).resolve()
            if parts.scheme != "file" or not path.is_relative_to(static_root):
                raise ValueError(f"Not loaded while making a PDF: {url}")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols={"file", "data"})


def html_to_pdf(html: str, *, stylesheets: tuple[str, ...] = ("portal.css",)) -> bytes:
    """Render `html` (a whole document) to PDF bytes, with the named stylesheets from static/."""
    from weasyprint import CSS, HTML

    static_root = Path(current_app.static_folder).resolve()
    fetch = _fetcher(static_root)
    sheets = [CSS(filename=str(static_root / name), url_fetcher=fetch) for name in stylesheets]
    return HTML(string=html, base_url=str(static_root) + "/", url_fetcher=fetch).write_pdf(stylesheets=sheets)


def pdf_response(html: str, filename: str):
    """A PDF download of `html`."""
    response = make_response(html_to_pdf(html))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
