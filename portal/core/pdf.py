"""HTML to PDF with WeasyPrint, for any domain (accounts of practice, reports): one helper, nothing fetched.

WeasyPrint needs Debian's pango libraries and a font (`make install` / `make system-test-deps` add them).
Only files under static/ (stylesheets, icons) and data: URLs (images a page embeds on purpose) may be loaded;
any other address is refused, so rendering never reaches the network and never reads uploads by path.
"""

from functools import lru_cache
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


@lru_cache(maxsize=8)
def _stylesheet(static_root: Path, name: str, modified: float):
    """A stylesheet from static/, parsed once per process and file version (parsing portal.css costs about as
    much as laying out a short document)."""
    from weasyprint import CSS

    return CSS(filename=str(static_root / name), url_fetcher=_fetcher(static_root))


def html_to_pdf(html: str, *, stylesheets: tuple[str, ...] = ("portal.css",)) -> bytes:
    """Render `html` (a whole document) to PDF bytes, with the named stylesheets from static/."""
    from weasyprint import HTML

    static_root = Path(current_app.static_folder).resolve()
    sheets = [_stylesheet(static_root, name, (static_root / name).stat().st_mtime) for name in stylesheets]
    return HTML(string=html, base_url=str(static_root) + "/", url_fetcher=_fetcher(static_root)).write_pdf(
        stylesheets=sheets
    )


def pdf_response(html: str, filename: str):
    """A PDF download of `html`."""
    return pdf_download(html_to_pdf(html), filename)


def pdf_download(pdf: bytes, filename: str):
    """A PDF download of bytes already made (e.g. kept: `reports.kept.board_paper_pdf`)."""
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
