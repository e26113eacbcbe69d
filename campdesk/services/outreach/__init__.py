"""Outreach and partners (대외협력): the knowledge concert and other events, written
questionnaires and second visits, the partner agencies' supports and the duplicate-support
check, and public calls shared with companies."""
