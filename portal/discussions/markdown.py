"""Markdown to safe HTML: markdown-it-py renders (raw HTML off), nh3 sanitises; no Flask, no database.

Mentions are written `@[Full Name]`; the caller passes the names it resolved so only real members are
highlighted. Links get rel="noopener nofollow ugc" and only http, https and mailto survive.
"""

import re

import nh3
from markdown_it import MarkdownIt

MENTION = re.compile(r"@\[([^\[\]\n]{1,120})\]")
TAGS = {
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
ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


# Headings inside a post must not outrank the page's own: # becomes h3.
def _level(tokens, idx) -> int:
    return min(6, int(tokens[idx].tag[1]) + 2)


_md.add_render_rule("heading_open", lambda self, tokens, idx, options, env: f"<h{_level(tokens, idx)}>")
_md.add_render_rule("heading_close", lambda self, tokens, idx, options, env: f"</h{_level(tokens, idx)}>")


def mentioned_names(text: str) -> set[str]:
    """The names written as @[Full Name] in `text` (as typed, stripped)."""
    return {m.strip() for m in MENTION.findall(text or "") if m.strip()}


def render(text: str, mentions: set[str] | frozenset = frozenset()) -> str:
    """Safe HTML for a post; `mentions` (lower-cased names) are shown highlighted, others left as typed."""
    html = _md.render(text or "")
    if mentions:

        def mark(match: re.Match) -> str:
            name = match.group(1).strip()
            return f'<span class="wp_mention">@{name}</span>' if name.lower() in mentions else match.group(0)

        html = MENTION.sub(mark, html)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener nofollow ugc",
        strip_comments=True,
    )


def plain(text: str, limit: int = 200) -> str:
    """A short plain-text summary (for notifications and e-mails)."""
    flat = " ".join(MENTION.sub(lambda m: "@" + m.group(1), text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def quote(author: str, text: str) -> str:
    """Markdown quoting `text` by `author`, to start a reply with."""
    body = "\n".join(f"> {line}" if line.strip() else ">" for line in (text or "").strip().splitlines())
    return f"> **{author}** wrote:\n>\n{body}\n\n"
