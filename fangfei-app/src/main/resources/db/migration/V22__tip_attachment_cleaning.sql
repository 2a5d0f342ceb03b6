-- What was done to a tip attachment before it was stored (tip.Cleaning: PHOTO, DOCUMENT, AUDIO),
-- so the staff page states only that. Null for attachments stored before: they were cleaned less
-- (documents lost only their properties, MP3 only its ID3 tags, M4A and AMR nothing).
alter table tip_attachment add column cleaning varchar(20);
