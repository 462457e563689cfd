"""A driver diagram laid out for SVG, pure: aim, primary drivers, secondary drivers and change ideas in columns,
each box beside the boxes it links to, with the same tree as nested lists for the text equivalent."""

import textwrap
from dataclasses import dataclass, field

COLUMNS = ("aim", "primary", "secondary", "change")
COLUMN_TITLES = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")
BOX_W, GAP, ROW_H, BOX_H, TOP = 190, 40, 74, 62, 34
CHARS, LINES = 26, 3


@dataclass
class Node:
    id: int
    kind: str
    text: str
    children: list = field(default_factory=list)


def _lines(text: str) -> list[str]:
    lines = textwrap.wrap(text, CHARS) or [""]
    if len(lines) > LINES:
        lines = lines[: LINES - 1] + [textwrap.shorten(" ".join(lines[LINES - 1 :]), CHARS, placeholder="...")]
    return lines


def tree(boxes) -> list[Node]:
    """Primary drivers with their secondary drivers and change ideas (boxes are Driver rows or alike)."""
    nodes = {b.id: Node(b.id, b.kind, b.text) for b in boxes}
    roots = []
    for b in boxes:
        parent = nodes.get(b.parent_id) if b.parent_id else None
        (parent.children if parent else roots).append(nodes[b.id])
    return [n for n in roots if n.kind == "primary"]


def diagram(boxes, aim: str = "") -> dict:
    """Boxes (x, y, width, height, lines, kind) and links (x1, y1, x2, y2) for the SVG, and the tree."""
    roots = tree(boxes)
    placed, links, row = [], [], [0]

    def place(node: Node, depth: int) -> float:
        """Place the children first; a box sits level with the middle of its children (or on the next row)."""
        if node.children:
            ys = [place(child, depth + 1) for child in node.children]
            y = (ys[0] + ys[-1]) / 2
        else:
            y = TOP + row[0] * ROW_H
            row[0] += 1
        x = depth * (BOX_W + GAP)
        placed.append((x, y, BOX_W, BOX_H, _lines(node.text), node.kind))
        for child_y in [c for c in _child_ys(node)]:
            links.append((x + BOX_W, y + BOX_H / 2, x + BOX_W + GAP, child_y + BOX_H / 2))
        node.y = y  # type: ignore[attr-defined]
        return y

    def _child_ys(node):
        return [getattr(c, "y", None) for c in node.children if getattr(c, "y", None) is not None]

    ys = [place(root, 1) for root in roots]
    if ys:
        aim_y = (ys[0] + ys[-1]) / 2
        placed.append((0, aim_y, BOX_W, BOX_H, _lines(aim or "Our aim"), "aim"))
        links.extend((BOX_W, aim_y + BOX_H / 2, BOX_W + GAP, y + BOX_H / 2) for y in ys)
    width = len(COLUMNS) * BOX_W + (len(COLUMNS) - 1) * GAP
    height = TOP + max(row[0], 1) * ROW_H
    titles = [(i * (BOX_W + GAP) + BOX_W / 2, title) for i, title in enumerate(COLUMN_TITLES)]
    return {"width": width, "height": height, "boxes": placed, "links": links, "titles": titles, "tree": roots}
