"""Writes of 家庭经济状况核对: receiving department deliveries, running verifications, caseworker notes.
``request_report`` is the door other domains (社会救助 applications) use."""
