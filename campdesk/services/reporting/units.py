"""The units a report writes after a number, as Korean writes them (``12건``, ``3개사``).

They are the keys of ``campdesk.reports.fmt.unit``, which writes each in the current
language (English drops most: the column or label says what is counted).
"""
CASES, COMPANIES, PEOPLE, TIMES = "건", "개사", "명", "회"  # i18n: data
HOURS, MINUTES, DAYS, SEATS = "시간", "분", "일", "석"  # i18n: data
