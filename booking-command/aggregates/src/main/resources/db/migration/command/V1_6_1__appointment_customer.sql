-- Whose appointment it is, so a customer signed in with an account reaches only their own.
ALTER TABLE cmd_appointment ADD COLUMN customer_id UUID;
