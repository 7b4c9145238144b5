-- Treatment is booked only for days the plan of care is certified for, as clinical notes only documents those days.
-- NULL where the plan was reported before these dates were kept: nothing is enforced until its next plan event.
ALTER TABLE referrals ADD COLUMN plan_certification_due_by date NULL;
ALTER TABLE referrals ADD COLUMN plan_certified_plan_id uuid NULL;
ALTER TABLE referrals ADD COLUMN plan_certified_version integer NULL;
ALTER TABLE referrals ADD COLUMN plan_certification_recorded_at timestamptz NULL;
ALTER TABLE referrals ADD COLUMN plan_recertification_due_by date NULL;
