-- How people named an entry's object when the entry was written ("SC-44 · Human oversight", "Clinic diagnosis
-- assistant"), so the log never names an object by its internal id. Entries written before keep null and are shown
-- by type and id. A label, when kept, is one more field of the entry's hash.
alter table audit_entry add column object_label varchar(300);
