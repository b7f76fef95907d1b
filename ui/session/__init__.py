"""The tab's session: the Session in session state (store), widgets bound to it (binding),
downloads that read the newest session, the autosave under a key in the address, the address
itself (urlstate), and saving or uploading a session file (files). state is the one API pages use.

May import: the engine (keuzehulp) only.
"""
