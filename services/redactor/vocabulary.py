"""Words the redactor reasons with: what must be kept, what introduces a name, what ends an
organisation's or a street's name. Plain data, written for the kinds of things staff write about;
nothing here comes from a labelled corpus. The sets hold single lower-case words (a phrase written
in one adds its words); NAME_INTRODUCERS and NATIONAL_BODIES hold phrases.
"""
from __future__ import annotations

# --- kept: the analysis needs these (protected characteristics, identity) ------------------------

NATIONALITIES = frozenset("""
afghan albanian algerian american andorran angolan antiguan argentine argentinian armenian
australian austrian azerbaijani azeri bahamian bahraini bangladeshi barbadian bajan belarusian
belgian belizean beninese bhutanese bolivian bosnian botswanan brazilian british briton
bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian cape verdean
chadian chilean chinese colombian congolese costa rican croatian cuban cypriot czech danish
djiboutian dominican dutch ecuadorian egyptian emirati english equatorial eritrean estonian
ethiopian fijian filipino filipina filipinos finnish french gabonese gambian georgian german
ghanaian gibraltarian greek grenadian guatemalan guinean guyanese haitian honduran hungarian
icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese
jordanian kazakh kenyan kittitian korean kosovan kosovar kuwaiti kyrgyz lao laotian latvian
lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian
maldivian malian maltese mauritanian mauritian mexican moldovan monegasque mongolian
montenegrin moroccan mozambican namibian nepali nepalese dutch nicaraguan nigerian nigerien
norwegian omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari
romanian russian rwandan salvadoran samoan saudi scottish scots senegalese serbian seychellois
sierra leonean singaporean slovak slovakian slovenian somali somalian south african spanish
sri lankan sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai
tibetan togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan
uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean cornish manx ulster
turk brit scot pole kiwi aussie yank geordie scouser cockney brummie
kurdish kurd punjabi gujarati bengali tamil sinhalese malayali keralite goan yoruba igbo hausa
akan ashanti twi shona ndebele zulu xhosa swahili somali berber arab arabic persian pashtun
hindi urdu mandarin cantonese hokkien tagalog ilocano visayan cebuano hebrew yiddish latin
gaelic celtic anglo
european african asian oriental caribbean afro-caribbean latino latina latinx hispanic
middle eastern arabian nordic scandinavian balkan baltic slavic eastern western
""".split())

IDENTITY = frozenset("""
black white brown asian mixed mixed-race biracial bame bme global majority ethnic minority
traveller travellers gypsy gypsies roma romany irish-traveller
muslim muslims islam islamic jew jews jewish judaism sikh sikhs sikhism hindu hindus hinduism
buddhist buddhists buddhism christian christians christianity catholic catholics protestant
anglican methodist baptist pentecostal evangelical orthodox coptic mormon jehovah rastafarian
rasta pagan wiccan atheist agnostic humanist jain jains zoroastrian bahai sunni shia shiite
ahmadiyya ahmadi quaker salvationist caste dalit dalits brahmin brahmins jat kshatriya
shudra untouchable
gay lesbian bisexual bi queer straight heterosexual homosexual lgbt lgbtq lgbtq+ lgbtqia
trans transgender non-binary nonbinary enby intersex asexual ace pansexual cis cisgender
disabled disability deaf blind autistic autism adhd dyslexic dyslexia dyspraxia dyspraxic
neurodivergent wheelchair crutches stammer stutter epilepsy epileptic diabetic
pregnant pregnancy menopause menopausal maternity
hijab hijabi niqab burka burqa abaya jilbab headscarf turban patka kara kirpan dastar kippah
yarmulke bindi afro dreadlocks locs cornrows braids accent mubarak kareem salaam namaste
shalom inshallah mashallah
paki pakis chinky chink wog wogs gyppo gyppos pikey pikeys polack kraut gook darkie darkies
ramadan eid diwali vaisakhi baisakhi holi navratri hanukkah chanukah passover yom kippur rosh
hashanah shabbat sabbath lent easter christmas advent halloween pride mid-autumn lunar
new year chinese kwanzaa
god allah jesus christ buddha guru nanak prophet mosque church temple synagogue gurdwara
chapel prayer
""".split())

# Calendar words: never names on their own (an exact date is caught by the date recogniser).
CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs
fri sat sun weekend january february march april
may june july august september october november december spring summer autumn winter
day days week weeks month months year history awareness international national world
""".split())

# Calendar words that are also given names: a name next to one takes it in ("June Okafor").
CALENDAR_NAMES = frozenset("april may june august summer autumn".split())

# Modal verbs: some are given names as well ("Will", "May"), read as names only in context.
MODALS = frozenset("may will can must shall might".split())

# Words that address someone by name before or after it ("Thanks, Rose", "Morning Will").
VOCATIVES = frozenset("""
hi hello hey hiya morning evening afternoon night goodnight bye thanks thank thankyou cheers
sorry oi dear ta congrats welcome please yes no ok okay right well listen look
""".split())

# Particles inside names: Welsh, Gaelic, Arabic, Dutch, German, Romance ("ap Rhys",
# "Nic a' Bhàird", "Mac an t-Sagairt", "bin Rashid", "van der Berg", "dos Santos").
NAME_PARTICLES = frozenset("""
ap ab ferch verch nic ni ní mac mc nig ó o ua uí a an na bin binti bint ibn ben bat abu umm ka
van von der den de da di du del della dos das la le al el y zu ter
""".split())

# Titles: a title is part of the name it precedes ("Sister Hart"); alone it is kept.
TITLES = frozenset("""
dr doctor mr mrs ms miss mx prof professor sister sr matron nurse sir dame lord lady rev
reverend father imam rabbi pastor aunty auntie uncle nana mama papa princess
""".split())

# Roles: kept alone ("my line manager", "a consultant"); a name right after one is a name.
ROLES = frozenset("""
manager line manager ward manager practice manager deputy deputy manager deputy sister
mentor preceptor supervisor educator assessor practice assessor tutor lecturer student
colleague colleagues friend buddy boss gaffer guv guvnor foreman chargehand lead team lead
team leader leader director coordinator
consultant registrar doctor doctors gp surgeon anaesthetist physician houseman junior
foundation fy1 fy2 locum trainee nurse nurses staff nurse charge nurse sister matron midwife
hca hcas carer carers support worker healthcare assistant physio physiotherapist ot therapist
pharmacist technician paramedic crewmate medic radiographer sonographer dietitian psychologist
porter porters domestic cleaner receptionist clerk ward clerk admin administrator secretary
chaplain security guard driver estates officer volunteer agency bank worker patient patients
relative relatives visitor visitors resident residents husband wife partner son daughter
mum mother dad father neighbour grandson granddaughter family member
""".split())

# Generic places and units: kept ("the ward", "theatre", "A&E", "the staff room").
PLACES = frozenset("""
ward wards unit theatre theatres a&e ae ed icu itu hdu ccu nicu scbu sdec amu mau
outpatients inpatients clinic surgery pharmacy dispensary reception canteen restaurant
corridor lift car park staff room staffroom break room locker sluice office depot station
ambulance community hospital hospice practice home house lodge court centre college school
university maternity labour radiology x-ray imaging pathology lab laboratory mortuary
chapel prayer room multi-faith room changing room toilet loo kitchen garden
""".split())

# Generic words in the names of services and departments ("the Stroke Unit", "Occupational
# Health"): kept alone; an organisation's name needs a word that is not one of these.
GENERIC_SERVICES = frozenset("""
community medical surgical general acute mental health care nursing children's childrens
private side isolation escalation postnatal antenatal psychiatric labour
women's womens men's mens day older people elderly adult adults respiratory cardiac cardiology
stroke renal cancer oncology haematology emergency assessment admissions admission discharge
rehabilitation rehab palliative intensive critical neonatal paediatric paediatrics district
royal national regional county city teaching primary secondary infant junior high
occupational infection control prevention education learning development workforce
safeguarding quality patient experience services service department division directorate
outpatient theatres recovery endoscopy orthopaedic orthopaedics trauma urgent treatment minor
injuries frailty dementia memory diabetes eye ear dental physiotherapy therapy therapies
estates facilities finance payroll human resources wellbeing freedom speak up guardian
chaplaincy spiritual catering portering transport switchboard clinical virtual hub site
integrated system network alliance health-care healthcare social work team unit centre trust
foundation board group partnership practice surgery band bay bank agency rapid response outreach crisis liaison
falls tissue viability night nights bank pool flow bed beds operations patient-flow
""".split())

# Round 15 of the rules: clinical specialties and the services a provider names itself after
# ("S&A Orthodontics", "the Eastmarsh community midwifery team"): after a provider's name they
# are part of it (redaction._service_tail); alone they are no one's.
SPECIALTIES = frozenset("""
orthodontics orthodontic dentistry audiology optometry optical podiatry chiropody midwifery
maternity obstetrics gynaecology dermatology ophthalmology radiology radiography sonography
ultrasound psychiatry psychology counselling neurology urology rheumatology gastroenterology
nephrology pharmacy pharmacies visiting medicine speech language dietetics nutrition hearing
vision foot skin sexual reproductive addiction recovery
""".split())


# National bodies, systems and brands: not personal information.
BODIES = frozenset("""
nhs nhsbt nhse nhsei hee nmc gmc hcpc gphc gdc cqc dbs rcn bma rcm unison unite gmb
home office dhsc department of health government parliament police council hmrc dwp
ics icb pcn trust board datix esr rota healthroster allocate erostering mandatory training
twitter x instagram facebook tiktok whatsapp snapchat linkedin youtube reddit teams zoom
google outlook microsoft apple iphone android tesco amazon netflix guinness covid covid-19
coronavirus brexit windrush bbc itv
mind macmillan mencap stonewall samaritans shelter barnardo's unicef oxfam
""".split())

# Acronyms staff use that are not organisations' names: kept when written in capitals ("ED",
# "MO"), not as words ("Ed", "Mo" are names).
ACRONYMS = frozenset("""
nhs nmc gmc hcpc gphc gdc cqc dbs rcn bma rcm hee ics icb pcn hr it id ni dob pin esr
hca hcas rn rgn rmn rnld gp gps ot ots slt odp ahp fy1 fy2 sho spr st1 st2 st3 arcp crb
a&e ae ed icu itu hdu ccu nicu picu amu mau sdec or ipc ppe bp ecg ekg mri ct ivf tv bbc
uk gb usa us eu un who isis ira lgbt lgbtq bame bme ok cpd ceo coo cfo dna dnr ic
am pm asap ftsu edi eds cv nqp nqn ok
camhs iapt anp acp hcsw csw cns snp mdt rrt ooh nhsp tupe afc ksf pdp ipr opd ent dvt copd
uti mrsa dols lpa dnacpr dnar resus aau eau cdu sau obs ews sbar rca sui ffp3 lft pcr wrres
wdes ftsw ooh bnf nice mhra phe ukhsa dhsc hscni pals mash salt ssp spl ehcp sen send sendco
lgbtqia ptsd ocd bpd adhd asd cbt dbt emdr hiv aids tb std sti icp ipc pca hca hcsw bsl asl
ot pt sw amhp rmo mo ct1 ct2 st4 st5 st6 st7 cct img imgs rn rm rnmh rgn
tto tta mar eol eolc
wtf omg tbh imo fyi btw rip aka diy lol wfh fte wte pto toil al sl
""".split())

# Countries, continents, regions and UK counties: where someone comes from is not personal
# information on its own (a street address is; see patterns.py).
PLACE_NAMES = frozenset("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece
grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan
laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia montenegro
morocco mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger
nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar
romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia
somaliland spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand
togo tonga trinidad tobago tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay
uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe hong kong macau tibet
sri lanka sierra leone south africa saudi arabia new zealand el salvador costa rica
ivory coast cape verde east timor north korea south korea united states america usa
emirates uae kingdom britain great england scotland wales cymru northern
africa asia europe antarctica oceania americas caribbean balkans scandinavia middle east
far subcontinent punjab kashmir kerala gujarat bengal sylhet goa tamil nadu lagos abuja
norfolk suffolk essex kent sussex surrey devon cornwall dorset somerset wiltshire hampshire
berkshire oxfordshire buckinghamshire hertfordshire bedfordshire cambridgeshire
lincolnshire northamptonshire leicestershire nottinghamshire derbyshire staffordshire
shropshire herefordshire worcestershire warwickshire gloucestershire cheshire lancashire
yorkshire cumbria northumberland durham merseyside midlands fens waveney anglia
""".split())

# Ordinary words newer than the 1934 dictionary the lexicon uses, its inflections missed, or
# common words its word list lacks ("proud").
MODERN_WORDS = frozenset("""
email emails emailed emailing e-mail online offline website websites webpage internet
postcode postcodes screenshot screenshots selfie selfies app apps smartphone laptop wifi
covid lockdown handover handovers teamwork workplace feedback microaggression microaggressions
micro-aggression micro-aggressions racism racist racists sexism sexist homophobia homophobic
transphobia transphobic islamophobia islamophobic antisemitism antisemitic ableism ableist
misogynist misogynistic bullying whistleblowing whistleblower debrief debriefing onboarding
preceptorship preceptee revalidation rostering eroster timesheet payslip okay ok yeah yep nope
hiya cheers lol tbh btw fyi gonna wanna gotta kinda dunno reckon anyway anyways
proud proudly proudest checklist checklists
""".split())

# Verbs that follow a name that is the subject ("Grace said"), beyond the "-ed" forms.
COMMON_VERBS = frozenset("""
is was has had said says told tells asked asks did does got gets went goes came comes made
makes saw sees knew knows thought thinks felt feels left leaves kept keeps took takes gave
gives wrote writes rang rings spoke speaks heard hears sat sits stood stands ran runs laughed
shouted would will could can should might must never always just still also then
""".split())

# Irregular forms the 1934 dictionary lists only as headwords' forms.
IRREGULAR_WORDS = frozenset("""
heard said went came got gave took made saw knew thought felt left kept brought bought caught
taught found stood sat met ran wrote spoke broke chose drove rode fell held led lost meant paid
put read sent spent slept won wore woke began drank sang understood forgot forgotten given
taken seen known written spoken broken chosen driven been done gone eaten fallen hidden shown
grown thrown blew drew flew grew threw shook hung struck stuck swore tore bit hid lit shot
stole swung wept children women men people feet teeth mice
""".split())

# Words said on their own, in a quotation ('Sorry'), that are not nicknames.
# Openers of text-speak after which a clause starts ("ngl x is the reason", "tbh AM is as bad"):
# never a name's first part.
TEXT_OPENERS = frozenset({"ngl", "tbh", "honestly", "lol", "imo", "fr", "omg", "tho", "srsly",
                          "lmao", "lowkey", "icl", "istg", "smh", "ffs", "tbf", "idk", "ikr"})

INTERJECTIONS = frozenset("""
sorry hello hi hiya hey thanks cheers yes no yeah nope okay ok why what really seriously stop
go wow bless please help oi excuse pardon morning evening night bye goodbye welcome congrats
congratulations enough wait listen look come rubbish nonsense whatever fine great lovely
""".split())

# --- name and organisation cues --------------------------------------------------------------

# Verbs and phrases after which the next word is a person's name even in lower case.
NAME_INTRODUCERS = (
    "my name is", "her name is", "his name is", "their name is", "name's", "named", "called me",
    "call me", "calls me", "called him", "calls him", "called her", "calls her", "known as",
    "i'm", "i am", "this is", "signed",
)

# Words that end the name of an organisation, site, ward, unit or team.
ORG_SUFFIXES = frozenset("""
ward unit team hospital hospitals infirmary hospice centre center clinic surgery practice
partnership trust service services ambulance college school academy primary university
nursing home care home house lodge court manor hall grange foundation charity society
association group pharmacy dental healthcare health suite department wing station base
hub depot bay
""".split())

# Words that end a street's name.
STREET_SUFFIXES = frozenset("""
road rd street st avenue ave lane ln close drive way court ct crescent cres gardens gdns place pl
terrace grove hill rise row square sq walk mews park green parade vale view yard wharf quay
boulevard chase end gate meadow meadows fields loke broadway embankment esplanade promenade
causeway approach circus
""".split())

DIRECTIONS = frozenset("north south east west upper lower".split())

# Sentence openers and small words that are never names however they are written.
FUNCTION_WORDS = frozenset("""
i a an the my our your his her their he she they we it this that these those then when who
what why how and but or so if not no yes ok okay at on in to of by for with from as is was
are were be been am do did does had has have said told asked says tells asks also even just
still only every each all any some someone everyone nobody anyone everybody somebody people
there here hi hello dear thanks thank sorry please yesterday today tonight tomorrow later
after before once since while where which whom whose would could should will can may might
must shall apparently honestly basically
""".split())

# Kinship and pet words people are called against their wishes, not names ("Aunty", "love").
TERMS_OF_ADDRESS = frozenset("""
aunty auntie uncle love darling sweetheart sweetie dear pet hun babe mate boss chief sister
brother bro sis mama papa princess
""".split())


# National bodies written as several words: kept whole, though their words may look distinctive.
NATIONAL_BODIES = frozenset({
    "nhs england", "nhs digital", "nhs scotland", "nhs wales", "nhs improvement",
    "nhs employers", "nhs providers", "nhs confederation", "nhs professionals", "nhs jobs",
    "health education england", "public health england", "uk health security agency",
    "department of health", "department of health and social care", "home office",
    "royal college of nursing", "royal college of midwives", "nursing and midwifery council",
    "general medical council", "health and care professions council",
    "general pharmaceutical council", "care quality commission", "british medical association",
    "disclosure and barring service", "citizens advice", "samaritans", "age uk", "marie curie",
    "st john ambulance", "british red cross", "red cross", "royal voluntary service",
})


def keep_words() -> frozenset[str]:
    """Every single word that on its own is kept (ACRONYMS only in capitals: see Lexicon)."""
    words = set()
    for group in (NATIONALITIES, IDENTITY, CALENDAR, TITLES, ROLES, PLACES, GENERIC_SERVICES,
                  BODIES, PLACE_NAMES, FUNCTION_WORDS):
        words.update(group)
    return frozenset(words)


def org_generic() -> frozenset[str]:
    """Words that do not single out an organisation: its name needs at least one other word."""
    return frozenset(ORG_SUFFIXES | GENERIC_SERVICES | SPECIALTIES | PLACES | FUNCTION_WORDS
                     | ROLES | TITLES
                     | IDENTITY | NATIONALITIES | CALENDAR | BODIES | ACRONYMS
                     | {"st", "saint", "the"})


# --- clinical words that look like names (issue 16, kinds round) -----------------------------
# Compact lists by kind, written from the NHS Health A-Z's condition names, the BNF's common
# ward medicines and the UK Health Security Agency's organism names (public knowledge; nothing
# here comes from a labelled corpus). Used by clinical.py where a name rule or the learned name
# pass has taken one: they are kept, except after a title ("Dr Down's patient" stays a name).

# Eponyms of conditions, syndromes, procedures, tests and signs (the person's name only).
EPONYMS = frozenset("""
addison adie alport alzheimer angelman apgar asperger barrett barthel bartter batten becker
behcet bell bence billroth binswanger blount bowen braden brown-sequard brugada buerger burkitt
canavan chagas charcot cheyne-stokes colles conn creutzfeldt creutzfeldt-jakob crigler crohn
cushing dandy-walker down dressler dubin duchenne dupuytren ehlers-danlos epley erb ewing fabry
fallot fanconi felty foley fournier friedreich gaucher gilbert goodpasture graves guedel
guillain-barre guillain-barré hartmann hashimoto heimlich henoch henoch-schonlein hickman
hirschsprung hodgkin horner huntington hurler jakob kallmann kaposi kawasaki kernig klinefelter
kocher korsakoff krabbe kussmaul lanz legg-calve-perthes lesch-nyhan lewy mantoux marfan
mcardle meckel meniere menkes merkel munchausen ménière niemann-pick nissen noonan
osgood-schlatter paget parkinson perthes peyronie pfannenstiel pott prader-willi quervain
raynaud reiter rett reye rinne romberg scheuermann schilling seldinger sjogren sjögren
stevens-johnson sturge-weber tay-sachs tourette treacher trendelenburg turner valsalva
waldenstrom waterlow wernicke whipple willebrand williams wilms wilson wolff-parkinson-white
yankauer ziehl-neelsen zollinger-ellison
""".split())

# Eponyms that on their own, in the possessive, name the condition ("her Crohn's", "Alzheimer's
# is hard"): family names rare as given names; other eponyms need a clinical word after them.
EPONYMS_ALONE = frozenset("""
alzheimer asperger crohn parkinson huntington tourette raynaud meniere ménière hirschsprung
hodgkin sjogren sjögren creutzfeldt-jakob munchausen korsakoff kawasaki perthes cushing graves
""".split())

# Words that make an eponym before them clinical ("Bell's palsy", "Hartmann's procedure",
# "Turner syndrome", "Foley catheter", "the Waterlow score").
CLINICAL_HEADS = frozenset("""
disease diseases syndrome syndromes palsy procedure procedures operation test tests sign signs
disorder disorders dementia lymphoma sarcoma tumour tumor phenomenon reflex manoeuvre maneuver
score scale criteria classification fracture ulcer cyst triad contracture encephalopathy
thyroiditis anaemia anemia catheter line airway sucker splint tube pouch repair reversal
fundoplication incision stain stockings neuralgia tremor chart charts
""".split())

# What may be left of a name's span once an eponym is kept ("a Parkinson's review",
# "Huntington's patient", "her Crohn's flare"): nothing that singles anyone out.
POSSESSIVE_HEADS = CLINICAL_HEADS | frozenset("""
patient patients review reviews clinic clinics nurse nurses specialist specialists diagnosis
symptoms symptom meds medication medications flare flares relapse crisis sufferer sufferers
type variant assessment pathway
""".split())


# Medicines often given on wards and in the community (generic and common brand names).
MEDICINES = frozenset("""
paracetamol ibuprofen naproxen diclofenac codeine co-codamol cocodamol dihydrocodeine tramadol
morphine oramorph oxycodone oxynorm oxycontin fentanyl buprenorphine methadone diamorphine
alfentanil pethidine tapentadol gabapentin pregabalin amitriptyline nortriptyline duloxetine
sertraline citalopram escitalopram fluoxetine paroxetine mirtazapine venlafaxine trazodone
lithium olanzapine quetiapine risperidone aripiprazole haloperidol clozapine chlorpromazine
levomepromazine lorazepam diazepam midazolam clonazepam temazepam zopiclone zolpidem
promethazine cyclizine ondansetron metoclopramide domperidone prochlorperazine buscopan
hyoscine glycopyrronium omeprazole lansoprazole ranitidine famotidine gaviscon lactulose
senna senokot laxido movicol docusate bisacodyl loperamide metformin gliclazide insulin
novorapid humalog lantus levemir humulin tresiba sitagliptin empagliflozin dapagliflozin
levothyroxine carbimazole prednisolone dexamethasone hydrocortisone methylprednisolone
beclometasone budesonide fluticasone salbutamol ventolin ipratropium tiotropium montelukast
aminophylline amoxicillin co-amoxiclav augmentin flucloxacillin penicillin clarithromycin
erythromycin azithromycin doxycycline trimethoprim nitrofurantoin cefalexin ceftriaxone
cefuroxime gentamicin vancomycin teicoplanin meropenem tazocin piperacillin metronidazole
ciprofloxacin levofloxacin clindamycin rifampicin linezolid fluconazole nystatin aciclovir
valaciclovir oseltamivir tamiflu warfarin apixaban rivaroxaban edoxaban dabigatran heparin
enoxaparin clexane dalteparin fragmin tinzaparin aspirin clopidogrel ticagrelor atorvastatin
simvastatin rosuvastatin pravastatin ramipril lisinopril perindopril enalapril losartan
candesartan irbesartan amlodipine nifedipine diltiazem verapamil bisoprolol atenolol
propranolol metoprolol labetalol carvedilol digoxin amiodarone furosemide frusemide
bumetanide bendroflumethiazide indapamide spironolactone eplerenone gtn nitroglycerin
isosorbide adrenaline epinephrine noradrenaline atropine naloxone narcan flumazenil
salbutamol glucagon glucogel hypostop dextrose saline hartmann's potassium magnesium
phosphate calcium adcal sando-k thiamine pabrinex folic ferrous vitamin donepezil
memantine rivastigmine galantamine levodopa co-careldopa sinemet madopar ropinirole
pramipexole rotigotine levetiracetam keppra sodium valproate epilim lamotrigine
carbamazepine phenytoin topiramate clobazam buccal epistatus melatonin methotrexate
hydroxychloroquine azathioprine mesalazine infliximab adalimumab tacrolimus ciclosporin
allopurinol colchicine finasteride tamsulosin oxybutynin mirabegron sildenafil
""".split())

# Organisms and their usual abbreviations ("MRSA", "C. diff", "E. coli", "Klebsiella").
ORGANISMS = frozenset("""
mrsa mssa vre cpe esbl cdiff c.diff diff difficile coli e.coli klebsiella pseudomonas
staph staphylococcus strep streptococcus enterococcus clostridium clostridioides candida
norovirus rotavirus rsv influenza covid sars-cov-2 listeria salmonella shigella
campylobacter legionella aspergillus mycobacterium gbs h.pylori pylori
""".split())

# Signing and communication systems, and services' abbreviations staff write in capitals.
COMMUNICATION = frozenset("""
makaton bsl signalong pecs braille moon paget-gorman talking mats
""".split())
# Two letters of these are also someone's initials ("DN said"): kept only before a role or a
# service's word ("the LD nurse", "HV team"); three letters or more anywhere in capitals.
SERVICE_ABBREVIATIONS = frozenset("""
ld cldt cmht crht amhp imha imca ldn salt dn dns hv hvs cpn cpns snp iapt ctld cldn
camhs ldd pbs send sendco ehcp ccg hbpos s136 s2 s3 dol dols lps mca bia
""".split())

# Round 12. Roles and forms of address in the languages staff write a few words of (Portuguese,
# Spanish, Polish, Romanian, Tagalog): a given name right after one is a name, as after "nurse".
# Those that are also English words ("ate", "pan", "don") need a name the gazetteer knows.
FOREIGN_ROLES = frozenset("""
enfermeira enfermeiro senhora senhor dona doutora doutor chefe
enfermera enfermero señora senora señor senor señorita doña don doctora jefa jefe
pani pan siostra doktor pielęgniarka pielegniarka oddziałowa
doamna doamnă domnul asistenta asistentă
ate kuya tita tito manang manong ginang ginoo aling mang
""".split())

# Round 12. Text-speak words ("pls", "u", "2"-less shorthand): never a name.
TEXT_SPEAK = frozenset("""
pls plz plss u ur n x xx xxx agn cos coz cuz wiv txt txts txtd thx ty tmrw tmr msg msgd ppl
rn bc obvs abt dunno gonna wanna gotta ya yeh yh ok k kk
omg smh ffs idk innit hun bruv luv wtf ikr tho cba wud cud shud defo deffo ofc tbf nvm smth sth
sed sez frm wot
""".split())

# Round 12. Virtues and feelings that are also given names: after "with" and no person's word
# they are a manner ("took it with grace,"), not company.
VIRTUES = frozenset("""
grace patience charity mercy joy hope faith honour honor prudence constance felicity serenity
harmony verity temperance dignity humility love kindness compassion
""".split())

# Round 12. Times of day that are also given names ("Dawn"): daybreak after "at", "before"…
TIMES_OF_DAY = frozenset("dawn dusk".split())

# Given names that are English words and in no gazetteer the lexicon is built from: names common
# among staff from Southern and West Africa and the Caribbean, and a modal that is a name. Names
# in apposition to a role (apposition.py: "the HCA memory said"); the learned name pass keeps its
# own threshold for them (name_model.DICTIONARY_WORD_THRESHOLD).
GIVEN_WORDS = frozenset("""
memory gift fortune beauty talent will loveness lovemore godknows marvellous privilege precious
bless blessed innocent prosper goodness rejoice knowledge
""".split())

# --- keep words, round 2 (issue 16): lists by kind, from public knowledge ---------------------
# Written from the names of instruments, tests, charts, scales, signs and manoeuvres taught in UK
# medical, nursing and midwifery training, the ONS/Census lists of demonyms and peoples, the
# Inter Faith Network's calendar of festivals, common NHS abbreviations (exams, courses,
# rhythms, grades, chemotherapy regimens) and greetings in the languages staff write a word of.
# Nothing here comes from a labelled corpus. Read by clinical.py (see docs/redactor.md, "Keep
# words, round 2").

# Eponyms of instruments, tests, charts, scales, scores, signs, manoeuvres, fractures and
# conditions besides EPONYMS: kept before a clinical head word ("Langenbeck retractor", "the
# Ranson criteria", "Baker's cyst"); a person's name after a title or a capitalised name.
EPONYMS_MORE = frozenset("""
langenbeck deaver balfour gosset doyen czerny lahey mayo metzenbaum mcindoe gillies adson allis
babcock dunhill spencer-wells debakey satinsky rampley cheatle hegar sims cusco auvard wrigley
neville-barnes kielland keilland hudson venturi macintosh mccoy magill bodok luer groshong
broviac swan-ganz sengstaken ryle ryles nelaton tiemann malecot penrose redivac jackson-pratt
yeates zimmer steinmann kirschner ilizarov denis-browne bohler böhler hamilton-russell pavlik
ponseti volkmann esmarch doppler gelpi weitlaner tuohy sprotte whitacre quincke veress hasson
snellen ishihara jaeger amsler hess farnsworth pelli-robson schirmer tensilon allen phalen
tinel finkelstein lachman mcmurray ortolani barlow galeazzi apley hawkins neer yergason
simmonds thompson homans weber dix-hallpike hallpike unterberger babinski hoffmann brudzinski
murphy rovsing mcburney cullen grey-turner trousseau chvostek beck virchow troisier courvoisier
corrigan duroziez traube osler janeway nikolsky koebner auspitz darier gottron gowers guthrie
coombs widal paul-bunnell gram giemsa papanicolaou kleihauer fehling glasgow-imrie child-pugh
rockall blatchford alvarado centor mcisaac fitzpatrick gleason breslow dukes karnofsky folstein
addenbrooke addenbrooke's borg likert epworth rankin fugl-meyer tinetti lund-browder mallampati
cormack-lehane cormack lehane aldrete ramsay bromage caprini padua hestia westley finnegan
ballard dubowitz wechsler conners mcroberts zavanelli lovset mauriceau pinard leopold sellick
ritgen bakri b-lynch pringle semont brandt-daroff kernohan monteggia maisonneuve salter-harris
schatzker lisfranc chopart hill-sachs bankart tietze bornholm todd capgras cotard ekbom
takayasu wegener churg-strauss gitelman liddle plummer riedel sheehan stickler patau
charcot-marie-tooth klumpke arnold-chiari chiari hippel-lindau recklinghausen pompe
budd-chiari mallory-weiss boerhaave zenker peutz-jeghers kienbock kienböck ledderhose morton
mobitz wenckebach stokes-adams adams-stokes eisenmenger ebstein prinzmetal takotsubo leriche
pickwickian kartagener pancoast mendelson hartnup castleman baker ranson wells rockwood norton
glasgow bristol edinburgh geneva nottingham manchester oxford hamilton abbey
""".split())

# Of those, the ones that name an instrument, chart, test or scale on their own, after a
# determiner ("passed the Deaver", "her Snellen") or in a checklist ("Ishihara done"): none is a
# given name in the gazetteer (tests/unit/test_redaction_keep2.py checks it).
KIT_EPONYMS = frozenset("""
langenbeck deaver balfour gosset doyen czerny metzenbaum mcindoe adson babcock dunhill
spencer-wells debakey satinsky rampley cheatle hegar cusco auvard wrigley neville-barnes kielland
magill bodok groshong sengstaken redivac yankauer guedel seldinger kirschner ilizarov
snellen ishihara amsler schirmer tensilon phalen tinel finkelstein lachman mcmurray ortolani
unterberger babinski brudzinski rovsing chvostek mantoux papanicolaou kleihauer
rockall blatchford alvarado centor gleason breslow karnofsky folstein epworth mallampati
aldrete bromage caprini tinetti waterlow barthel apgar
""".split())

# Words that make an eponym before them clinical besides CLINICAL_HEADS: instruments, charts,
# tests and what a sign or a rule is called ("the Deaver retractor", "Snellen chart", "Ishihara
# plates", "McBurney's point").
KIT_HEADS = frozenset("""
retractor retractors clamp clamps forceps scissors speculum needle needles blade blades chart
charts plates cards score scores scale scales test tests questionnaire inventory index rule rules
nomogram formula equation staging stage grade grading position positions mask masks drain drains
dilator dilators elevator curette hook probe frame collar traction bandage balloon cyst neuroma
paresis point node nodes spots nodules respiration breathing hernia tear lesion block pessary
approach technique method view manoeuvres maneuvers harness boots suction catheters lines tubes
""".split())

# What a checklist says of a test ("Ishihara done", "Phalen's negative"), after its name.
CHECKLIST_WORDS = frozenset("""
done completed complete checked negative positive normal abnormal recorded satisfactory intact
performed passed failed attempted declined requested charted updated
""".split())

# Units after a number: never a name or an identifier ("5 mg", "0.1 mmol/kg", "12 yrs").
UNITS = frozenset("""
mg mgs milligram milligrams mcg µg ug microgram micrograms ng pg g gm gms gram grams kg kgs kilo
kilos ml mls millilitre millilitres milliliter ml/hr l ltr litre litres liter liters dl
mmol mmols micromol umol nmol meq iu unit units u mm cm m metre metres km mmhg kpa cmh2o bpm
rpm hr hrs hour hours h min mins minute minutes sec secs s yr yrs year years y wk wks week weeks
mo mos month months day days d kcal cal kj mph mcg/kg mg/kg ml/kg l/min puffs puff tabs tab
tablets tablet caps capsules drops sachets sachet vials ampoules amps doses breaths cycles
stone st lb lbs oz ft inch inches percent pc
""".split())

# Clinical, training and service abbreviations staff write in capitals besides ACRONYMS and
# SERVICE_ABBREVIATIONS: exams and courses, rhythms and conditions, units, grades, regimens.
# Two letters of these are also someone's initials: see clinical.py for where those are kept.
CLINICAL_ABBREVIATIONS = frozenset("""
mrcp mrcs mrcog mrcpch mrcpsych mrcgp frcs frca frcr frcem frcpath mrcem fcem akt csa rca
osce osces plab ielts oet paces cbt pgdip pgcert msc bsc rgn nmp ilm
als ils bls pals apls epls nls atls moet alsg tncc gic pils
af afl svt vt vf pea nsr sr stemi nstemi acs mi pe cva tia aki ckd uti copd chf ccf lvf dka hhs
hhns gcs news2 pews mews meows vte dvt gord ibs ibd nafld sob cp ards sirs aaa gi gu ent
ncepod nihss qsofa sofa curb curb-65 chads chads2 hasbled wells
icu itu hdu ccu cicu nicu picu scbu sdec amu mau eau sau cdu aau ed ae mdu ltc pacu
fy1 fy2 st1 st2 st3 st4 st5 st6 st7 st8 ct1 ct2 ct3 sho spr sas acp anp ccp enp
r-chop chop r-cvp cvp folfox folfiri folfirinox fec fec-t abvd beacopp capox xelox ecf ecx eox
bep tip mvac gemcarbo da-epoch dhap ice esha ivac r-ice cmf tac ec ac vad mpt vmp vtd ctd
""".split())

# Words that end a provider's name after an abbreviation ("ALS Medical Ltd", "PACES Recruitment"):
# there the abbreviation is part of a name.
PROVIDER_SUFFIXES = frozenset("""
ltd limited llp plc inc recruitment staffing solutions consulting consultancy agency locums
""".split())

# Demonyms of UK counties, cities and regions, and peoples and languages not in NATIONALITIES.
DEMONYMS = frozenset("""
lancastrian lancastrians yorkshireman yorkshiremen yorkshirewoman mancunian mancunians
liverpudlian liverpudlians glaswegian glaswegians bristolian bristolians londoner londoners
devonian devonians cumbrian cumbrians northumbrian northumbrians kentish salopian salopians
cantabrigian oxonian novocastrian mackem mackems scouse tynesider wearsider sheffielder
dubliner dubliners aberdonian aberdonians dundonian dundonians edinburger hebridean orcadian
shetlander shetlanders ulsterman ulsterwoman cornishman cornishwoman black-country yam-yam
malay malays javanese sundanese balinese hmong rohingya uyghur uighur tigrinya tigrayan
amhara amharic oromo fula fulani wolof mandinka temne mende krio ewe fante fanti dagomba
kikuyu luo luhya kalenjin maasai masai baganda luganda acholi tutsi hutu chewa bemba tswana
sotho venda tsonga herero ovambo kanuri tiv efik ibibio urhobo ijaw amazigh tuareg bedouin
druze assyrian chaldean yazidi baloch balochi sindhi pashto hazara mirpuri pahari potwari
kashmiri marathi telugu kannada konkani odia oriya assamese gurkha gurkhas sherpa newar
sylheti chittagonian khmer maori hawaiian inuit basque catalan galician breton
corsican sardinian sicilian flemish walloon frisian bavarian silesian kashubian romani sinti
ashkenazi sephardi sephardic mizrahi creole patois kreyol quebecois afrikaner afrikaans
francophone anglophone lusophone hispanophone
""".split())

# Faith festivals and holy days besides IDENTITY's ("Happy Vaisakhi", "over Shavuot").
FESTIVALS = frozenset("""
shavuot sukkot succot purim simchat gurpurab gurpurb bandi chhor hola mohalla janmashtami
raksha bandhan rakhi dussehra dasara durga puja onam pongal sankranti lohri karva chauth
ganesh chaturthi mawlid milad ashura muharram hajj umrah iftar suhoor suhur sehri nowruz
navroz vesak wesak losar tet chuseok thaipusam deepavali deepawali beltane samhain yule
imbolc lammas ostara mabon litha epiphany pentecost whitsun whitsunday candlemas shrove
michaelmas timkat meskel fasika ramadhan ramazan eid-ul-fitr eid-ul-adha eid-al-fitr
eid-al-adha bakrid qurbani diwali vaisakhi baisakhi navaratri shivaratri maha
""".split())

# Greetings, exclamations and terms of endearment in other languages, in English letters
# (Arabic, Urdu/Punjabi/Hindi, Twi, Shona, Zulu, Yoruba, Igbo, Hausa, Swahili, Italian, French,
# Spanish, Portuguese, Polish, Tagalog, Yiddish). clinical.py keeps them quoted or as an
# exclamation; a word the gazetteer knows as a given name is kept only in a phrase of these.
FOREIGN_GREETINGS = frozenset("""
habibi habibti habibty yalla yallah wallahi wallah walahi alhamdulillah alhamdulilah
subhanallah bismillah astaghfirullah marhaba shukran khalas ahlan sabah salam assalamu
alaikum alaykum walaikum wa ya
yaar yara arre arey acha accha achha haan nahi chalo jaldi beta beti bhai bhaiya behen baji
jaanu shabash oye haye tauba hai-hai ji sat sri akal waheguru theek
ayo ayoo eish yebo haibo sawubona ngiyabonga akwaaba chale chaley medaase maakye
mhoro mangwanani masikati maswera ndatenda shamwari mukoma ekaaro ekaasan ekaale bawo oshey
jare abeg wahala chineke ndewo daalu nna nne sannu habari jambo asante karibu mambo poa rafiki
mzee
mamma mia ciao bello tesoro amore allora magari dai
mon chéri cheri chérie ma bonjour bonsoir merci oh là lala dieu coeur cœur bisous
cariño carino mi amor cielo corazón corazon mija mijo hola gracias dios mío mio madre vale
ándale andale ay
obrigado obrigada querida querido meu deus tudo bem olá
kochanie dziękuję dziekuje cześć czesc
anak naku hay sige salamat po opo mahal kumusta kamusta ingat bahala grabe susmaryosep
oy vey gevalt mazel tov shabbat
""".split())

# Words said with a festival's name ("Happy Vaisakhi", "Chag sameach", "Eid Mubarak").
FESTIVAL_WISHES = frozenset("happy merry blessed joyous chag sameach mubarak kareem".split())
