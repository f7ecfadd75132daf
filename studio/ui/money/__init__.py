"""Money in the window: the quote before a storyboard run, the spend ledger and the project budget."""

from .ledger_dialog import LedgerDialog
from .quote_dialog import QuoteDialog

__all__ = ["LedgerDialog", "QuoteDialog"]
