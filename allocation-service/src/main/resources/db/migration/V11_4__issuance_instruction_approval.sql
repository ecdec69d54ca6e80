-- Each issuance instruction names who approved what it carries out, as IssuanceInstruction v2 carries it (signed with
-- allocation's key): an allocation run's approver, or the authority whose enrolment changed a pilot's free allocation.
-- A refused instruction sent again carries the same approval. (Versioned 11.4 so that it sorts after V11 whoever adds
-- that.)
alter table issuance_instruction add column approved_by text, add column approved_at timestamptz;

update issuance_instruction i set approved_by = r.approved_by, approved_at = r.approved_at
from allocation_run r where r.run_id = i.run_id;

-- A pilot instruction written before: the enrolment's last editor and the instruction's time are the closest record.
update issuance_instruction i set approved_by = e.updated_by, approved_at = i.created_at
from pilot_enrolment e where i.run_id is null and e.period_id = i.period_id and e.party_id = i.party_id;

alter table issuance_instruction alter column approved_by set not null, alter column approved_at set not null;
