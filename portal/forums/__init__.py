"""West Partnership forums: sector forums and curriculum networks run by volunteer coordinators."""
