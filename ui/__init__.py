"""Streamlit layer of the keuzehulp: state, widgets, advice rendering. The engine lives in keuzehulp/."""
