"""Posts are Markdown rendered with raw HTML off and sanitised: nothing in an XSS payload corpus survives."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from portal.discussions.markdown import mentioned_names, plain, quote, render

# Payloads from the usual corpora (OWASP filter evasion cheat sheet, Markdown-specific vectors).
XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://example.org/a.png)',
    '[x](https://example.org "title" onmouseover=alert(1))',
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    "[a](<javascript:alert(1)>)",
    '<object data="javascript:alert(1)"></object>',
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "@[<img src=x onerror=alert(1)>]",
    "> <script>alert(1)</script>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
]
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "del",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
}


class Live(HTMLParser):
    """Collects what a browser would act on: tags, attributes and link targets (escaped text is inert)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "src", "srcset", "action", "formaction", "xlink:href"}:
                self.problems.append(f"attribute {name}")
            # A relative address (no scheme) stays on the portal; any scheme but these three is refused.
            if name == "href" and urlsplit((value or "").strip()).scheme.lower() not in {"", "http", "https", "mailto"}:
                self.problems.append(f"href {value}")
            if name == "class" and value != "wp_mention":
                self.problems.append(f"class {value}")


def live_problems(html: str) -> list[str]:
    parser = Live()
    parser.feed(html)
    return parser.problems


@pytest.mark.parametrize("payload", XSS)
def test_no_payload_survives(payload):
    html = render(payload, {"<img src=x onerror=alert(1)>"})
    assert live_problems(html) == [], (payload, html)


def test_the_checker_catches_live_markup():
    assert live_problems('<img src=x onerror=alert(1)><a href="javascript:x">') == [
        "tag img",
        "attribute src",
        "attribute onerror",
        "href javascript:x",
    ]


def test_markdown_renders_and_links_open_safely():
    html = render("**bold** and [a link](https://example.org/page)\n\n> quoted\n\n- item")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org/page" rel="noopener nofollow ugc">a link</a>' in html
    assert "<blockquote>" in html and "<li>item</li>" in html


def test_headings_never_outrank_the_page():
    assert "<h3>Title</h3>" in render("# Title")


def test_only_known_mentions_are_highlighted():
    html = render("Hello @[Ann Lee] and @[Nobody]", {"ann lee"})
    assert '<span class="wp_mention">@Ann Lee</span>' in html
    assert "@[Nobody]" in html
    assert mentioned_names("@[Ann Lee] @[ Bob ] @[]") == {"Ann Lee", "Bob"}


def test_quote_and_plain_summary():
    assert quote("Ann", "one\n\ntwo") == "> **Ann** wrote:\n>\n> one\n>\n> two\n\n"
    assert plain("@[Ann Lee] " + "x" * 300, limit=20).endswith("…")
