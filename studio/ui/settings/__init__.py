"""The settings dialog: provider keys (keyring), addresses, default models, limits."""

from .dialog import GeneralPage, ProviderPage, SettingsDialog, mask_key

__all__ = ["GeneralPage", "ProviderPage", "SettingsDialog", "mask_key"]
