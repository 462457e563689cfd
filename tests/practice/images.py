"""Small real images for tests, carrying metadata that must never leave the portal."""

import struct
import zlib
from io import BytesIO

from werkzeug.datastructures import FileStorage

SECRET = b"Taken by Ewan Member at 55.8642N 4.2518W"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_with_metadata() -> bytes:
    """A 2x2 red PNG with a tEXt chunk naming its author and place."""
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"tEXt", b"Author\x00" + SECRET)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def jpeg_with_metadata() -> bytes:
    """A JPEG (made by Pillow) with an Exif-like APP1 segment and a comment naming its author and place."""
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (2, 2), (255, 0, 0)).save(out, "JPEG")
    data = out.getvalue()
    app1 = b"Exif\x00\x00" + SECRET
    com = SECRET
    extra = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b"\xff\xfe" + struct.pack(">H", len(com) + 2) + com
    return data[:2] + extra + data[2:]


def upload(data: bytes, filename: str) -> FileStorage:
    return FileStorage(BytesIO(data), filename=filename)
