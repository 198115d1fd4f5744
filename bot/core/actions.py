"""The card actions a button can submit: one typed definition for the cards and the handler.

Each member's value is what a button puts in its submitted data as "action" (for example
{"action": "scope", "scope": "spark:calls_read"}); the values never change, so the buttons of
cards already sent keep working.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Mapping


class CardAction(str, Enum):
    """What a pressed button asks the bot to do."""

    SCOPE = "scope"  # explain one scope; data: scope
    RELATED = "related"  # compare a scope with its related scopes; data: scope
    HELP = "help"  # show the help card
    LIST = "list"  # list the areas
    FEEDBACK = "feedback"  # a vote on an answer; data: helpful, question, scopes

    def data(self, **fields: Any) -> dict[str, Any]:
        """The submitted data of a button that performs this action."""
        return {"action": self.value, **fields}

    @classmethod
    def of(cls, inputs: Any) -> "CardAction | None":
        """The action named in a button's submitted data, or None for anything else."""
        value = inputs.get("action") if isinstance(inputs, Mapping) else None
        try:
            return cls(value)
        except ValueError:
            return None
