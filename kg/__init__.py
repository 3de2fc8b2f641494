"""kg: knowledge graphs of officials, places, projects and policy themes from Chinese local news."""

__version__ = "0.1.0"
