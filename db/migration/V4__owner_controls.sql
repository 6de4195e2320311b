-- The owner's controls are audited like the host's: letting a removed participant back in, replacing the invitation.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('ROOM_CREATED', 'ROOM_DELETED',
    'ROUND_REVEALED', 'ROUND_RESET', 'PARTICIPANT_KICKED', 'PARTICIPANT_UNBANNED', 'HOST_CHANGED',
    'INVITATION_ROTATED', 'TIER_CHANGED'));
