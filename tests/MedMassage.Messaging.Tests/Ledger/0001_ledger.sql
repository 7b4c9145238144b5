CREATE TABLE payments (id uuid PRIMARY KEY, amount numeric NOT NULL);
CREATE TABLE ledger_entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payment_id uuid NOT NULL, amount numeric NOT NULL);
