"""Doctor referrals: the values, the book that records them, the service's
pulls merged in, and the desk controller's referral side."""
