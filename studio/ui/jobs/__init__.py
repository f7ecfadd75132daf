"""The job monitor: a live table of generation jobs with cancel, retry, reveal and copy."""

from .model import COLUMNS, JobRole, JobTableModel, format_cost, format_elapsed
from .monitor import JobMonitor, job_details, job_details_json

__all__ = ["COLUMNS", "JobMonitor", "JobRole", "JobTableModel", "format_cost", "format_elapsed", "job_details", "job_details_json"]
