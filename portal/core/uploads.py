"""Safe file uploads, one implementation for every domain: allowed types, a size limit, storage outside
static/, and downloads with a safe content type and Content-Disposition.

Files live in a configurable store (UPLOAD_ROOT: a local directory by default; point it at shared storage
when several hosts serve one database). Callers authorise before calling `send_stored`.
"""

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from flask import current_app, send_file
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from portal.core.forms import ServiceError

# Extension -> (content type we serve it as, leading bytes it must start with, or None to skip the check).
ALLOWED_TYPES = {
    "pdf": ("application/pdf", (b"%PDF",)),
    "png": ("image/png", (b"\x89PNG",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK",)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (b"PK",)),
    "csv": ("text/csv", None),  # Werkzeug adds "; charset=utf-8" to text types (once)
    "txt": ("text/plain", None),
}
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    key: str
    filename: str
    content_type: str
    size: int


def _root() -> Path:
    return Path(current_app.config["UPLOAD_ROOT"])


def describe_allowed() -> str:
    return ", ".join(sorted(ALLOWED_TYPES)).upper()


def store_upload(upload: FileStorage | None, *, field: str = "file", max_bytes: int = MAX_BYTES) -> StoredFile:
    """Check and store one uploaded file; ServiceError naming `field` if it is missing, too big or not allowed."""
    if upload is None or not upload.filename:
        raise ServiceError((field, "Choose a file."))
    filename = original_name(upload.filename)
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ALLOWED_TYPES:
        raise ServiceError((field, f"The file must be one of: {describe_allowed()}."))
    data = upload.stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ServiceError((field, f"The file must be smaller than {max_bytes // (1024 * 1024)} MB."))
    if not data:
        raise ServiceError((field, "The file is empty."))
    content_type, magic = ALLOWED_TYPES[extension]
    if magic and not data.startswith(magic):
        raise ServiceError((field, f"The file does not look like a {extension.upper()} file."))
    key = f"{uuid.uuid4().hex}.{extension}"
    root = _root()
    root.mkdir(parents=True, exist_ok=True)
    (root / key).write_bytes(data)
    return StoredFile(key=key, filename=filename, content_type=content_type, size=len(data))


def original_name(name: str) -> str:
    """The name the person gave the file, kept for the download (RFC 6266 `filename*`): only its last path part,
    without control characters; the file itself is stored under a random key, never under this name."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable() and c not in '"<>').strip(" .")
    return name[:200] or "file"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """`attachment; filename="ascii"; filename*=UTF-8''...` (RFC 6266/5987): every browser gets the original name."""
    fallback = secure_filename(filename) or "download"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def send_stored(key: str, filename: str, *, inline: bool = False):
    """Serve a stored file as a download with a safe content type; 404 if the key is unknown."""
    path = (_root() / os.path.basename(key)).resolve()
    if not path.is_file():
        from flask import abort

        abort(404)
    extension = key.rsplit(".", 1)[-1]
    content_type = ALLOWED_TYPES.get(extension, ("application/octet-stream", None))[0]
    # Only images and PDFs may open in the browser; everything else downloads.
    inline = inline and extension in {"pdf", "png", "jpg", "jpeg"}
    response = send_file(path, mimetype=content_type, max_age=0)
    response.headers["Content-Disposition"] = content_disposition(filename, inline=inline)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def stored_image(key: str) -> tuple[bytes, str] | None:
    """A stored PNG or JPEG's bytes without its metadata (camera, place, author, comments) and its content type,
    for pages that show an image to people outside the team (public pages, PDFs); None if not an image."""
    extension = key.rsplit(".", 1)[-1]
    path = (_root() / os.path.basename(key)).resolve()
    if extension not in {"png", "jpg", "jpeg"} or not path.is_file():
        return None
    data = path.read_bytes()
    clean = _png_without_metadata(data) if extension == "png" else _jpeg_without_metadata(data)
    return clean, ALLOWED_TYPES[extension][0]


_PNG_METADATA = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def _png_without_metadata(data: bytes) -> bytes:
    out, at = [data[:8]], 8
    while at + 8 <= len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        end = at + 12 + length
        if data[at + 4 : at + 8] not in _PNG_METADATA:
            out.append(data[at:end])
        at = end
    return b"".join(out)


def _jpeg_without_metadata(data: bytes) -> bytes:
    """Drop APP1-APP15 (Exif, XMP, ...) and comment segments; keep everything from the image scan on."""
    out, at = [data[:2]], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: the compressed image follows
            break
        end = at + 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if not (0xE1 <= marker <= 0xEF or marker == 0xFE):
            out.append(data[at:end])
        at = end
    out.append(data[at:])
    return b"".join(out)


def delete_stored(key: str) -> None:
    path = _root() / os.path.basename(key)
    path.unlink(missing_ok=True)
