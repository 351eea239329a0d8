// actorgraph: political actors and their relations. Idempotent: MERGE on ids.
// Neo4j: cypher-shell -f FILE   (FalkorDB reads it too)
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

UNWIND [
  {id: 'chuck-schumer-person', name: 'Chuck Schumer', type: 'Person', aliases: ['Schumer'], titles: ['Majority Leader', 'Senator'], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'donald-blome-person', name: 'Donald Blome', type: 'Person', aliases: ['Blome'], titles: ['Ambassador'], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'donald-lu-person', name: 'Donald Lu', type: 'Person', aliases: [], titles: ['diplomat'], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'imran-khan-person', name: 'Imran Khan', type: 'Person', aliases: ['Khan'], titles: ['former Prime Minister'], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'matthew-miller-person', name: 'Matthew Miller', type: 'Person', aliases: ['Miller'], titles: ['spokesperson'], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'omar-ayub-khan-person', name: 'Omar Ayub Khan', type: 'Person', aliases: ['Omar'], titles: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:Person, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'pakistan-country', name: 'Pakistan', type: 'Country', aliases: ['Pakistani'], titles: [], mentions: 5, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'united-states-country', name: 'United States', type: 'Country', aliases: ['American', 'US'], titles: [], mentions: 7, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:Country, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'islamabad-place', name: 'Islamabad', type: 'Place', aliases: [], titles: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'new-delhi-place', name: 'New Delhi', type: 'Place', aliases: ['NEW DELHI'], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'rawalpindi-place', name: 'Rawalpindi', type: 'Place', aliases: [], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'washington-place', name: 'Washington', type: 'Place', aliases: [], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:Place, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'adiala-jail-facility', name: 'Adiala jail', type: 'Facility', aliases: [], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:Facility, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'us-senate-governmentbody', name: 'US Senate', type: 'GovernmentBody', aliases: [], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {id: 'us-state-department-governmentbody', name: 'US State Department', type: 'GovernmentBody', aliases: ['State Department'], titles: [], mentions: 2, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:GovernmentBody, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'pakistan-tehreek-e-insaf-politicalparty', name: 'Pakistan Tehreek-e-Insaf', type: 'PoliticalParty', aliases: ['PTI'], titles: [], mentions: 6, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:PoliticalParty, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {id: 'dawn-news-media', name: 'Dawn News', type: 'Media', aliases: ['Dawn'], titles: [], mentions: 1, documents: 1, first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Actor:Media, n.name = row.name, n.type = row.type, n.aliases = row.aliases, n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen);

UNWIND [
  {s: 'chuck-schumer-person', o: 'us-senate-governmentbody', verb: 'Majority Leader', date: '2024-05-08', confidence: 0.9, weight: 1, role: 'Majority Leader', status: 'current', evidence: ['Miller also discussed the concern raised by US Senate Majority Leader Chuck Schumer over the security of the former prime minister imprisoned in Pakistan and reiterated the commitment of United States to uphold human rights.'], evidence_refs: ['seed:5'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'donald-blome-person', o: 'united-states-country', verb: 'Ambassador', date: '2024-05-07', confidence: 0.9, weight: 1, role: 'Ambassador', status: 'current', evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'},
  {s: 'donald-lu-person', o: 'united-states-country', verb: 'diplomat', date: '2024-05-08', confidence: 0.9, weight: 1, role: 'diplomat', status: 'current', evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'imran-khan-person', o: 'pakistan-country', verb: 'Prime Minister', date: '2024-05-08', confidence: 0.6, weight: 1, role: 'Prime Minister', status: 'former', evidence: ['NEW DELHI: The United States has stressed the importance of ensuring the safety and security of all prisoners in Pakistan, including imprisoned former Prime Minister Imran Khan.'], evidence_refs: ['seed:0'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'matthew-miller-person', o: 'us-state-department-governmentbody', verb: 'spokesperson', date: '2024-05-07', confidence: 0.9, weight: 1, role: 'spokesperson', status: 'current', evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:HOLDS_OFFICE]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'us-senate-governmentbody', o: 'united-states-country', verb: 'name', date: '2024-05-08', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['Miller also discussed the concern raised by US Senate Majority Leader Chuck Schumer over the security of the former prime minister imprisoned in Pakistan and reiterated the commitment of United States to uphold human rights.'], evidence_refs: ['seed:5'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'us-state-department-governmentbody', o: 'united-states-country', verb: 'name', date: '2024-05-07', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:PART_OF]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'adiala-jail-facility', o: 'rawalpindi-place', verb: '\'s', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'imran-khan-person', o: 'adiala-jail-facility', verb: 'in', date: '2024-05-08', confidence: 0.6, weight: 1, role: null, status: null, evidence: ['Khan, who was removed as prime minister following a no-confidence motion in April 2022, is hanging out in Rawalpindi\'s Adiala jail in several cases, including the encryption case in which the former prime minister showed a piece of paper — purportedly a copy of a secret diplomatic communication — at a public gathering in Islamabad, claiming it as proof of a conspiracy against his government by a foreign power, referring to the American diplomat Donald Lu, who has been at the center of the controversy.'], evidence_refs: ['seed:12'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:DETAINED_IN]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'donald-blome-person', o: 'omar-ayub-khan-person', verb: 'met with', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['The remarks were made a day after Blome met with Omar and others.'], evidence_refs: ['seed:9'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'},
  {s: 'donald-blome-person', o: 'pakistan-tehreek-e-insaf-politicalparty', verb: 'meeting between', date: '2024-05-07', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:CONSULT]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'united-states-country', o: 'islamabad-place', verb: 'aid to', date: '2024-05-07', confidence: 0.7, weight: 1, role: null, status: null, evidence: ['US State Department spokesperson Matthew Miller acknowledged in a press briefing on Tuesday a meeting between US Ambassador Donald Blome and leaders of the Pakistan Tehreek-e-Insaf (PTI), whose chief of the opposition Omar Ayub Khan. with the opposition leader and other senior PTI party officials on a wider range of issues crucial to bilateral relations, such as the ongoing US economic aid to Islamabad.'], evidence_refs: ['seed:1'], documents: ['seed'], first_seen: '2024-05-07', last_seen: '2024-05-07'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:AID]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

UNWIND [
  {s: 'imran-khan-person', o: 'united-states-country', verb: 'criticized', date: '2024-05-08', confidence: 0.8, weight: 1, role: null, status: null, evidence: ['Previously, cricketer-turned-politician Khan had criticized the United States for its alleged interference in the overthrow of his government.'], evidence_refs: ['seed:11'], documents: ['seed'], first_seen: '2024-05-08', last_seen: '2024-05-08'}
] AS row
MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
MERGE (a)-[r:ACCUSE]->(b)
SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, r.weight = row.weight, r.role = row.role, r.status = row.status, r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, r.documents = row.documents, r.first_seen = date(row.first_seen), r.last_seen = date(row.last_seen);

