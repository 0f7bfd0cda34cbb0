# crosscheck topic lexicon: what a counted noun and its predicate mean.
# Extend or override it with `crosscheck --topics FILE`; see lexicon.c for
# the format.  Forms are lower case; '_' joins the words of one form.

# ---- counted nouns: CLASS[/default role]: forms ----
noun people: people person persons civilians civilian residents resident individuals individual inhabitants citizens victims victim passengers passenger adults adult
noun people/killed: lives dead fatalities fatality bodies body deaths death
noun people/injured: injured wounded injuries injury
noun children: children child kids kid minors minor infants infant babies baby
noun soldiers: soldiers soldier troops troop servicemen serviceman servicemembers fighters fighter combatants militants militant personnel_killed
noun personnel: personnel firefighters firefighter responders rescuers rescuer workers staff crews crew volunteers
noun drones/?launched: drones drone uavs uav shaheds shahed decoys decoy
noun missiles/?launched: missiles missile rockets rocket
noun bombs/?launched: bombs bomb glide_bombs
noun aircraft: aircraft planes plane jets jet helicopters helicopter
noun buildings: buildings building structures structure homes home houses house housing_units housing dwellings apartments apartment blocks
noun regions: regions region oblasts oblast provinces province states districts district counties county governorates governorate prefectures
noun locations: locations location sites site places place areas area spots targets target settlements settlement towns town villages village cities city communities community localities
noun ambulances: ambulances ambulance
noun vehicles: vehicles vehicle cars car trucks truck buses bus
noun trains: trains train
noun coaches: coaches coach carriages carriage cars_of_a_train wagons bogies bogie
noun hospitals: hospitals hospital clinics
noun schools: schools school
noun prisoners: prisoners prisoner detainees detainee hostages hostage captives
noun refugees: refugees refugee migrants migrant asylum_seekers
noun votes: votes vote ballots
noun people/?attended: protesters protester demonstrators demonstrator marchers rallygoers participants attendees
noun tanks: tanks tank
noun engines: engines engine
noun bulldozers: bulldozers bulldozer
noun storeys: storeys storey stories story floors floor
noun trees: trees
noun -: fire blaze wildfire wildfires fires blazes storm hurricane earthquake quake flood floods attack assault war offensive cyclone typhoon tornado tsunami eruption crash collision derailment explosion blast bombing shooting landslide
noun cases: cases case infections
noun police: police_officers policemen police_personnel policewomen officers officer gendarmes police
noun households: households household families family

# places hit: every damage-like predicate on them means "hit"
place regions: regions region oblasts oblast provinces province districts district governorates governorate
place locations: locations location sites site places place areas area settlements settlement towns town villages village cities city localities

# ---- predicates: ROLE: forms ----
role launched@drones,missiles,bombs,weapons,shells,rockets: launched launch launches launching fired firing sent send sends sending lobbed unleashed deployed_against attacked_with barrage
role shot_down: shot_down shoot_down shooting_down downed brought_down bring_down intercepted intercept intercepts intercepting neutralised neutralized destroyed_in_the_air repelled
role hit: hit hits hitting struck strike strikes striking impacts impact targeted shelled attacked affected
role killed: killed kill kills killing dead died die dies dying death deaths toll death_toll death_count lives perished fatalities bodies lost_their_lives
role injured: injured injuring injure injuries wounded wounding wound hurt hospitalised hospitalized
role damaged: damaged damage damaging mangled
role destroyed: destroyed destroy destroying destruction razed flattened wrecked lost burned_down burning_down burnt_down collapsed toppled levelled leveled crumbled caved_in
role displaced: displaced displacing homeless
role evacuated: evacuated evacuation evacuations evacuate ordered_to_evacuate ordered_to_leave forced_out fled evacuation_orders evacuation_order
role warned: evacuation_warning evacuation_warnings under_warning
role arrested: arrested arrest arrests detained detain detention
role derailed: derailed derail derailing off_the_rails off_the_track came_off_the_rails
role non-functional: non-functional out_of_action out_of_service not_functioning nonfunctional
role abducted: taken_hostage held_hostage kidnapped abducted
role without_power: without_power without_electricity lost_power knocked_out knocking_out knocked_out_power knocking_out_power power_outages in_the_dark
role missing: missing unaccounted
role rescued: rescued rescue saved
role deployed: deployed deploying assigned working dispatched stationed mobilised mobilized committed at_work
role threatened: threatened threat threatening under_threat at_risk endangered
role contained: contained containment controlled
role debris: debris fragments
role affected: affected
role held: occupies occupy occupied holds hold held controls control controlled_by seized seize captured capture capturing annexed
role gained: gained gain gains advanced advance
role attended: attended attend attending gathered rallied marched joined demonstrated protested took_to_the_streets turned_out
role burned: burned burnt blackened scorched charred consumed
role sentenced: sentenced jailed convicted
role fined: fined
role elected: elected won
role needed: needed need needs required require requires
person: abducted killed injured displaced evacuated arrested missing rescued attended sentenced

# verbs of change: in "rose from 233 to 288" only 288 is a fact
change: rose rise rises risen increased increase increases grew grow grows climbed climb climbs jumped jump jumps fell fall falls dropped drop drops decreased decrease declined decline revised up down went gone

# what money is for
purpose reconstruction/1: reconstruction rebuild rebuilding rebuilt recovery reconstruct restore restoring
purpose damage/3: damage damages destruction
purpose losses/3: losses loss
purpose infrastructure/3: infrastructure
purpose housing/2: housing homes
purpose aid/2: aid assistance relief donations donated pledged pledge
purpose budget/2: budget spending
purpose deal/2: deal contract agreement
purpose funds/1: funds investment investments

# ---- places ----
placetype: region oblast province district county state city governorate prefecture area territory municipality village town island peninsula republic

country: gaza_strip west_bank ukraine russia india china pakistan bangladesh israel gaza palestine lebanon syria iran iraq turkey egypt jordan yemen afghanistan germany france italy spain poland britain uk united_kingdom england usa u.s. us united_states america canada mexico brazil japan nepal indonesia philippines myanmar sudan ethiopia nigeria kenya somalia libya morocco greece portugal belarus moldova georgia armenia azerbaijan kazakhstan australia

capital: kyiv kiev moscow delhi new_delhi beijing islamabad dhaka jerusalem beirut damascus tehran baghdad ankara cairo amman sanaa kabul berlin paris rome madrid warsaw london washington ottawa tokyo kathmandu jakarta manila khartoum nairobi tripoli athens lisbon minsk chisinau tbilisi yerevan baku canberra seoul bangkok hanoi

# ---- states: grouped within a window of days, not by exact day ----
state: unit:km unit:m unit:percent unit:ha unit:usd unit:eur unit:gbp unit:months *_held *_length *distance* population* *_since
