"""Helpers shared by the Streamlit pages: the cached workbench, the session's user, login."""
