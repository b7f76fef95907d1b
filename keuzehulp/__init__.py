"""Keuzehulp duaal inburgeren: the handreiking *Allemaal dual* as a decision engine.

The engine never imports Streamlit; the app (app.py, pages/, ui/) is a thin layer over it.
"""

from keuzehulp.contract.schema import Advice, Profile, Session
from keuzehulp.rules.engine import advise

__all__ = ["Advice", "Profile", "Session", "advise"]
