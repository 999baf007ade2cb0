"""Drawing: each module takes the value it draws (a Checklist, lines, Knowledge for a look-up) and returns text."""
