-- The articles of the EU AI Act that a system's classification says apply to it, one per line as
-- "Article 26|why", written only by the classification (module euaiact) through AiSystemService.classify; the scope
-- proposal reads them like its own rules.
alter table ai_system add column eu_ai_act_duties text;
