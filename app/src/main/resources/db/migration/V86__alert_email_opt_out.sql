-- Admins get alert emails unless they opted out here (Team → Alerts → "Email me alerts").
create table alert_email_opt_out (
    member_id   uuid primary key references member (id) on delete cascade,
    opted_out_at timestamptz not null
);
