"""Events: sessions, webinars, drop-ins and sharing events that any domain can own, with bookings."""
