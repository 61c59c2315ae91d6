-- How far each member has read the organization's notifications (the bell's unread count is the
-- alerts after this point). One row per member, removed with the member.
create table notification_read (
    member_id   uuid primary key references member (id) on delete cascade,
    read_up_to  timestamptz not null
);
