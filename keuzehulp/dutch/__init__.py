"""Dutch for people: numbers (12.345,5; € 11.600) and dates (15 januari 2027) written and read
back as typed, numbers in running text, and Markdown with raw HTML off.

Owns: dutch.numbers, dutch.dates, dutch.wording, dutch.markdown. Imports nothing of keuzehulp:
it is the floor every other wing may stand on.
"""
