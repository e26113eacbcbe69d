"""Files shipped with CampDesk, as ``campdesk.resources``: the application icon, the
navigation and action icons, the NanumGothic font and the translations (README.md here
says where each comes from). Found through ``campdesk.paths``, never by path from here."""
