"""The numbers the cards and replies were tuned with, in one place.

Tuned by rendering every card with the Adaptive Cards renderer, as Webex does, at its 500 px
message column and at a 340 px phone (tests/test_card_render.py renders them in `make test`):
change one, and the render test says whether the cards still fit.
"""

# Buttons. Three share a phone-width row without cutting a short title to "H…"; the rest go
# behind an Action.ShowCard, where each button gets a row of its own.
MAX_ROW_ACTIONS = 3  # buttons in one row
MAX_IN_VIEW = 3  # buttons visible before any Action.ShowCard is opened
MAX_CARD_ACTIONS = 5  # not tuned: Webex's limit of buttons in a card (and in each shown card)
MAX_CHOICES = 3  # alternatives or readings offered, each with its own button
MAX_COMPARED = 3  # scopes in one comparison, stacked

# Scope names, in monospace. A card's main name is set Medium up to 30 characters; any name
# longer than 34 is set Small, so names up to 42 characters fit one phone line whole (only the
# longest, 43 and 44, wrap, where no size would fit them).
PROMINENT_NAME_CHARS = 30
LONG_NAME_CHARS = 34

# How much of a scope is listed.
MAX_ENDPOINTS = 5  # an answer's example endpoints
MAX_UNLOCKED_ENDPOINTS = 40  # "what does X unlock" lists them all, up to this
MAX_COMPARED_ENDPOINTS = 3  # per scope in a comparison, which shows two or three
MAX_CALL_ROWS = 12  # API calls listed from pasted code; the rest are counted
MAX_UNKNOWN_NAMES = 8  # requested names that are no scope, listed by an audit; the rest are counted

# Echoes of the asker's words: the question on one line of about a phone's width, ending in "…";
# engine sentences that may hold the asker's words (assumptions, the reason for a decline).
MAX_ECHO_CHARS = 120
LONG_RUN_CHARS = 28  # an echoed run without spaces longer than this may break (a phone line holds ~34)
MAX_SENTENCE_CHARS = 400

MAX_MARKDOWN_BYTES = 7439  # not tuned: Webex rejects longer message text
