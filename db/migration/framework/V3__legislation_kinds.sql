-- Legislation comes in chapters, sections, articles, paragraphs, points and annexes (Regulation (EU) 2024/1689, the
-- EU AI Act): the catalog takes those kinds of requirement as well.
alter table requirement drop constraint requirement_kind;
alter table requirement add constraint requirement_kind check (kind in ('FUNCTION', 'CATEGORY', 'SUBCATEGORY',
    'CLAUSE', 'CONTROL_OBJECTIVE', 'CONTROL', 'RISK', 'TACTIC', 'TECHNIQUE', 'SUB_TECHNIQUE', 'MITIGATION', 'ACTION',
    'CASE_STUDY', 'CHAPTER', 'SECTION', 'ARTICLE', 'PARAGRAPH', 'POINT', 'ANNEX'));
