"""People who sign in: the user model, signing in and out, and each person's account page."""
