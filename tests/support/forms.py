"""Fill in a form the way a browser without JavaScript submits it: read the page's own markup."""

from html import unescape
from html.parser import HTMLParser

from werkzeug.datastructures import MultiDict


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea, self._option = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"attrs": a, "fields": [], "selects": {}}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if "name" not in a or kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and "name" in a:
            self._select = a["name"]
            self._form["selects"][self._select] = {"first": None, "chosen": None, "at": len(self._form["fields"])}
        elif tag == "option" and self._select:
            entry = self._form["selects"][self._select]
            value = a.get("value")
            self._option = (entry, value, "selected" in a)
            if value is not None:
                self._record_option(entry, value, "selected" in a)
        elif tag == "textarea" and "name" in a:
            self._textarea = [a["name"], ""]

    def _record_option(self, entry, value, selected):
        entry["first"] = value if entry["first"] is None else entry["first"]
        if selected:
            entry["chosen"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None and self._option[1] is None:
            entry, _, selected = self._option
            self._option = (entry, data.strip(), selected)
            self._record_option(entry, data.strip(), selected)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            text = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")  # as browsers do
            self._form["fields"].append((name, text))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def forms_in(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def browser_data(html: str, action: str, **changes) -> MultiDict:
    """The (name, value) pairs a browser posts for the first form whose action ends with `action`, with
    `changes` replacing single values. A select with no selected option submits its first option. A page's
    form without an action is taken when no form names `action` (it posts to the page's own address)."""
    found = forms_in(html)
    matching = [f for f in found if unescape(f["attrs"].get("action", "")).endswith(action)]
    # a post form without an action posts to the page itself
    form = (matching or [f for f in found if "action" not in f["attrs"] and f["attrs"].get("method") == "post"])[0]
    fields = list(form["fields"])
    for name, entry in form["selects"].items():
        value = entry["chosen"] if entry["chosen"] is not None else entry["first"]
        if value is not None:
            fields.append((name, value))
    out = [(n, v) for n, v in fields if n not in changes]
    return MultiDict(out + [(n, v) for n, v in changes.items()])
