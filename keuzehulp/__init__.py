"""Keuzehulp duaal inburgeren: the handreiking *Allemaal dual* as a decision engine.

The engine never imports Streamlit; the app (app.py, pages/, ui/) is a thin layer over it.
"""

from .engine import advise
from .schema import Advice, Profile, Session

__all__ = ["Advice", "Profile", "Session", "advise"]
