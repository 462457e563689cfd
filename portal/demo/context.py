"""What demo steps share: the demo accounts by key, the random generator, the establishments."""

import random
from dataclasses import dataclass, field

from flask import current_app
from werkzeug.security import generate_password_hash


@dataclass
class DemoContext:
    """Passed from step to step while loading the small demo region."""

    users: dict = field(default_factory=dict)  # "lead", "leader", ... -> User
    establishments: list = field(default_factory=list)
    authorities: list = field(default_factory=list)
    _password_hash: str = ""

    def password_hash(self) -> str:
        """The demo password, hashed once per load (scrypt is slow on purpose) and given to every demo person."""
        if not self._password_hash:
            self._password_hash = generate_password_hash(current_app.config["DEMO_PASSWORD"])
        return self._password_hash


@dataclass
class ScaleContext:
    """Passed from step to step while generating the partnership-scale region (ids, not objects)."""

    rng: random.Random
    years: int = 5
    establishment_ids: list = field(default_factory=list)
    establishment_sector: dict = field(default_factory=dict)
    establishment_authority: dict = field(default_factory=dict)
    user_ids_by_role: dict = field(default_factory=dict)
    user_establishment: dict = field(default_factory=dict)
    authority_ids: list = field(default_factory=list)
