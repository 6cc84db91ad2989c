"""Every write of the 社会救助 domain (atomic, audited) and the service interface other domains call.

in_force       standard_in_force, parameter_in_force, derived_standards (read interface for other domains)
policy         set_standard, set_parameter (new versions; history is kept)
calendar       working_calendar, add_calendar_day, seed_holidays
standard_raise preview_standard_raise (提标测算)
seed           load_assistance_policy (the shipped defaults and plan figures)
"""
