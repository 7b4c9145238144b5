-- Referral.Api schema; later changes go in new, higher-numbered scripts (applied scripts are never edited).
SELECT 1;
