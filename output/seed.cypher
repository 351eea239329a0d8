// actorgraph: political actors and their relations. Idempotent: MERGE on ids.
// Dialect neo4j. Neo4j 5: cypher-shell -f FILE
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;

UNWIND [
  {id: 'chuck-schumer-person', name: 'Chuck Schumer', type: 'Person', aliases: ['Schumer'], titles: ['Majority Leader', 'Senator'], ids: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'donald-blome-person', name: 'Donald Blome', type: 'Person', aliases: ['Blome'], titles: ['Ambassador'], ids: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'donald-lu-person', name: 'Donald Lu', type: 'Person', aliases: [], titles: ['diplomat'], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'imran-khan-person', name: 'Imran Khan', type: 'Person', aliases: ['Khan'], titles: ['former Prime Minister'], ids: [], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'matthew-miller-person', name: 'Matthew Miller', type: 'Person', aliases: ['Miller'], titles: ['spokesperson'], ids: [], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'omar-ayub-khan-person', name: 'Omar Ayub Khan', type: 'Person', aliases: ['Omar'], titles: [], ids: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:Person, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'pakistan-country', name: 'Pakistan', type: 'Country', aliases: ['Pakistani'], titles: [], ids: ['iso3:PAK', 'wikidata:Q843'], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'united-states-country', name: 'United States', type: 'Country', aliases: ['American', 'US'], titles: [], ids: ['iso3:USA', 'wikidata:Q30'], mentions: 7, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:Country, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'islamabad-place', name: 'Islamabad', type: 'Place', aliases: [], titles: [], ids: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'new-delhi-place', name: 'New Delhi', type: 'Place', aliases: ['NEW DELHI'], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'rawalpindi-place', name: 'Rawalpindi', type: 'Place', aliases: [], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'washington-place', name: 'Washington', type: 'Place', aliases: [], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:Place, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'adiala-jail-facility', name: 'Adiala jail', type: 'Facility', aliases: [], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:Facility, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'us-senate-governmentbody', name: 'US Senate', type: 'GovernmentBody', aliases: [], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'us-state-department-governmentbody', name: 'US State Department', type: 'GovernmentBody', aliases: ['State Department'], titles: [], ids: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:GovernmentBody, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'pakistan-tehreek-e-insaf-politicalparty', name: 'Pakistan Tehreek-e-Insaf', type: 'PoliticalParty', aliases: ['PTI'], titles: [], ids: [], mentions: 6, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:PoliticalParty, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {id: 'dawn-media', name: 'Dawn', type: 'Media', aliases: ['Dawn News'], titles: [], ids: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Actor {id: row.id})
SET n:Media, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, n.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'chuck-schumer-person', o: 'us-senate-governmentbody', mode: 'asserted', verb: 'Majority Leader', date: '2024-05-08', confidence: 0.9, weight: 1, role: 'Majority Leader', status: 'current', evidence: ['Miller also discussed the concern raised by US Senate Majority Leader Chuck Schumer over the security of the former prime minister imprisoned in Pakistan and reiterated the commitment of United States to uphold human rights.'], evidence_refs: ['seed:5'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'donald-blome-person', o: 'united-states-country', mode: 'asserted', verb: 'Ambassador', date: '2024-05-07', confidence: 0.9, weight: 1, role: 'Ambassador', status: 'current', evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], evidence_dates: ['2024-05-07'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'},
  {s: 'donald-lu-person', o: 'united-states-country', mode: 'asserted', verb: 'diplomat', date: '2024-05-08', confidence: 0.9, weight: 1, role: 'diplomat', status: 'current', evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'imran-khan-person', o: 'pakistan-country', mode: 'asserted', verb: 'Prime Minister', date: '2024-05-08', confidence: 0.6, weight: 1, role: 'Prime Minister', status: 'former', evidence: ['NEW DELHI: The United States has stressed the importance of ensuring the safety and security of all prisoners in Pakistan, including imprisoned former Prime Minister Imran Khan.'], evidence_refs: ['seed:0'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'matthew-miller-person', o: 'us-state-department-governmentbody', mode: 'asserted', verb: 'spokesperson', date: '2024-05-07', confidence: 0.9, weight: 1, role: 'spokesperson', status: 'current', evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], evidence_dates: ['2024-05-07'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:HOLDS_OFFICE {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'us-senate-governmentbody', o: 'united-states-country', mode: 'asserted', verb: 'name', date: '2024-05-08', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['Miller also discussed the concern raised by US Senate Majority Leader Chuck Schumer over the security of the former prime minister imprisoned in Pakistan and reiterated the commitment of United States to uphold human rights.'], evidence_refs: ['seed:5'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'us-state-department-governmentbody', o: 'united-states-country', mode: 'asserted', verb: 'name', date: '2024-05-07', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], evidence_dates: ['2024-05-07'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:PART_OF {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'adiala-jail-facility', o: 'rawalpindi-place', mode: 'asserted', verb: 'in', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:LOCATED_IN {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'imran-khan-person', o: 'adiala-jail-facility', mode: 'asserted', verb: 'in adiala', date: '2024-05-08', confidence: 0.6, weight: 1, role: null, status: null, evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'imran-khan-person', o: 'pakistan-country', mode: 'asserted', verb: 'imprisoned in', date: '2024-05-08', confidence: 0.52, weight: 1, role: null, status: null, evidence: ['Miller also discussed the concern raised by US Senate Majority Leader Chuck Schumer over the security of the former prime minister imprisoned in Pakistan and reiterated the commitment of United States to uphold human rights.'], evidence_refs: ['seed:5'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:DETAINED_IN {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'donald-blome-person', o: 'omar-ayub-khan-person', mode: 'asserted', verb: 'met with', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['The remarks were made a day after Blome met with Omar and others.'], evidence_refs: ['seed:9'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'donald-blome-person', o: 'pakistan-tehreek-e-insaf-politicalparty', mode: 'asserted', verb: 'meeting between', date: '2024-05-07', confidence: 0.56, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], evidence_dates: ['2024-05-07'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:CONSULT {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'united-states-country', o: 'islamabad-place', mode: 'asserted', verb: 'aid to', date: '2024-05-07', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], evidence_dates: ['2024-05-07'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:AID {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

UNWIND [
  {s: 'imran-khan-person', o: 'united-states-country', mode: 'asserted', verb: 'criticized', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['Previously, cricketer-turned-politician Khan had criticized the United States for its alleged interference in the overthrow of his government.'], evidence_refs: ['seed:11'], evidence_dates: ['2024-05-08'], evidence_reported_by: [''], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
MERGE (a)-[r:ACCUSE {mode: row.mode}]->(b)
SET r.verb = row.verb, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.evidence_dates = row.evidence_dates, r.evidence_reported_by = row.evidence_reported_by, r.documents = row.documents, r.first_seen = CASE WHEN row.first_seen IS NULL THEN null ELSE date(row.first_seen) END, r.last_seen = CASE WHEN row.last_seen IS NULL THEN null ELSE date(row.last_seen) END;

