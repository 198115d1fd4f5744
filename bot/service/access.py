"""Who the bot answers: everyone, or only allowed email domains and spaces when configured."""

from __future__ import annotations

from dataclasses import dataclass

REFUSAL = ("Sorry, I only answer people from the organizations I was set up for. "
           "Ask your Webex administrator if you need access.")


@dataclass(frozen=True)
class AccessPolicy:
    """Empty lists mean open to all; otherwise a sender's domain or the space must be allowed."""

    domains: frozenset[str] = frozenset()
    rooms: frozenset[str] = frozenset()

    @property
    def restricted(self) -> bool:
        return bool(self.domains or self.rooms)

    def allows(self, email: str, room_id: str) -> bool:
        if not self.restricted:
            return True
        domain = email.rsplit("@", 1)[-1].lower() if "@" in email else ""
        return domain in self.domains or room_id in self.rooms
