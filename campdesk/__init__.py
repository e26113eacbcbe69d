"""CampDesk: the desk software of the AI Startup Camp, Gwangju."""

__version__ = "0.2.0"
APP_NAME = "CampDesk"
