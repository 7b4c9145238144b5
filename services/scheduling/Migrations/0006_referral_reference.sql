-- The reference people quote for a referral (R-XXX-XXX), shown with each visit on calendars; filled by the next state.
ALTER TABLE referrals ADD COLUMN reference text;
