"""The prompt editor: prompt, model, image inputs and parameters of the selected shot."""

from .prompt_editor import PromptEditor, shot_request

__all__ = ["PromptEditor", "shot_request"]
